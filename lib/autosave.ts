// Saves what a person types as they type it, in order, so nothing is lost when a popup closes
// or a panel is shut: every change starts a write at once (no debounce window to lose), and a
// newer value waiting behind a running write replaces an older waiting one.

export type SaveStatus = 'idle' | 'saving' | 'saved';

export function createAutosave<T>(
  save: (value: T) => Promise<unknown>,
  onStatus: (s: SaveStatus) => void,
) {
  let running: Promise<void> | undefined;
  let waiting: { value: T } | undefined;

  const drain = async () => {
    while (waiting) {
      const { value } = waiting;
      waiting = undefined;
      try {
        await save(value);
      } catch (error) {
        console.error('Mentor Companion: could not save', error);
      }
    }
    running = undefined;
    onStatus('saved');
  };

  return {
    push(value: T) {
      waiting = { value };
      onStatus('saving');
      running ??= drain();
    },
    /** Resolves when every pushed value is written. */
    flush(): Promise<void> {
      return running ?? Promise.resolve();
    },
  };
}
