// Every figure `./run bench` writes to bench/results.json, with its unit, its target where the
// project has one (issue 17), and the range a sane value falls in. The unit test
// tests/unit/bench/results.test.ts checks the committed results against this list.

export interface KeySpec {
  unit: string;
  /** Sane values: outside this, the instrument is broken, not the extension slow. */
  range: [number, number];
  /** The target, as the figure must stay at or below it. */
  target?: number;
  /** Measured against a no-extension baseline run alongside (a `_base` twin exists). */
  baseline?: string;
}

export const KEYS = {
  content_script_bytes_gzip: { unit: 'B', range: [200, 200_000], target: 4_096 },
  content_script_bytes_raw: { unit: 'B', range: [200, 1_000_000] },
  content_script_on_demand_bytes_gzip: { unit: 'B', range: [0, 200_000] },
  content_script_on_demand_bytes_raw: { unit: 'B', range: [0, 1_000_000] },

  nonpage_script_ms_per_s_ext: {
    unit: 'ms/s',
    range: [0, 500],
    baseline: 'nonpage_script_ms_per_s_base',
  },
  nonpage_script_ms_per_s_base: { unit: 'ms/s', range: [0, 500] },
  nonpage_script_ms_per_s_delta: { unit: 'ms/s', range: [-50, 500], target: 0.5 },
  page_own_script_ms_per_s_ext: { unit: 'ms/s', range: [0, 500] },
  page_own_script_ms_per_s_base: { unit: 'ms/s', range: [0, 500] },
  ext_self_ms_per_s: { unit: 'ms/s', range: [0, 500] },
  js_heap_kb: { unit: 'kB', range: [-2_000, 50_000] },

  teams_chat_nonpage_script_ms_per_s_ext: {
    unit: 'ms/s',
    range: [0, 500],
    baseline: 'teams_chat_nonpage_script_ms_per_s_base',
  },
  teams_chat_nonpage_script_ms_per_s_base: { unit: 'ms/s', range: [0, 500] },
  teams_chat_nonpage_script_ms_per_s_delta: { unit: 'ms/s', range: [-50, 500], target: 0.5 },
  teams_chat_ext_self_ms_per_s: { unit: 'ms/s', range: [0, 500], target: 0.1 },
  teams_chat_js_heap_kb: { unit: 'kB', range: [-2_000, 50_000] },

  detect_in_call_ms_p50: { unit: 'ms', range: [1, 30_000] },
  detect_in_call_ms_p95: { unit: 'ms', range: [1, 30_000] },
  overlay_visible_ms_p95: { unit: 'ms', range: [1, 30_000] },
  detect_end_ms_p95: { unit: 'ms', range: [1, 30_000] },
  end_to_reflection_ms_p95: { unit: 'ms', range: [1, 30_000] },

  popup_first_render_ms: { unit: 'ms', range: [1, 30_000], target: 100 },
  sidepanel_first_render_ms: { unit: 'ms', range: [1, 30_000], target: 100 },
  options_first_render_ms: { unit: 'ms', range: [1, 30_000], target: 100 },
  history_open_10k_ms: { unit: 'ms', range: [1, 60_000] },
  history_search_10k_ms: { unit: 'ms', range: [0.1, 60_000], target: 100 },
  export_10k_ms: { unit: 'ms', range: [1, 120_000] },
  import_10k_ms: { unit: 'ms', range: [1, 300_000] },

  background_wakeups_per_min_in_call: { unit: '/min', range: [0, 1_000], target: 0 },
} as const satisfies Record<string, KeySpec>;

export type Key = keyof typeof KEYS;

/** The figures a peer extension gets, measured on the same pages in the same rotation. */
export const PEER_KEYS = [
  'content_script_bytes_gzip',
  'content_script_bytes_raw',
  'nonpage_script_ms_per_s_ext',
  'nonpage_script_ms_per_s_delta',
  'ext_self_ms_per_s',
  'js_heap_kb',
  'teams_chat_nonpage_script_ms_per_s_ext',
  'teams_chat_nonpage_script_ms_per_s_delta',
  'teams_chat_ext_self_ms_per_s',
  'teams_chat_js_heap_kb',
] as const satisfies readonly Key[];
