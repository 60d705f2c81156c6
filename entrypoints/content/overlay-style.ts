/** Styles of the in-page overlay, scoped by its shadow root. px only: rem follows the page. */
export const OVERLAY_CSS = `
:host { all: initial; }
.gc-root { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; font: 13px/1.5 "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", sans-serif; color: #222; }
.gc-badge { display: flex; align-items: center; gap: 6px; padding: 6px 12px; border-radius: 18px; border: 0; cursor: pointer; color: #fff; background: #455a64; box-shadow: 0 2px 8px rgba(0,0,0,.3); font: inherit; }
.gc-badge.veto { background: #c62828; } .gc-badge.deduct { background: #ef6c00; } .gc-badge.hint { background: #1565c0; } .gc-badge.clean { background: #2e7d32; }
.gc-count { font-weight: bold; font-size: 15px; }
.gc-panel { width: 340px; max-height: 60vh; overflow: auto; margin-bottom: 8px; background: #fff; border: 1px solid #cfd8dc; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.gc-head { display: flex; align-items: center; justify-content: space-between; padding: 8px 10px; border-bottom: 1px solid #eceff1; background: #f5f7f8; position: sticky; top: 0; }
.gc-head button { font: inherit; padding: 2px 8px; margin-left: 4px; cursor: pointer; border: 1px solid #b0bec5; background: #fff; border-radius: 4px; }
.gc-list { list-style: none; margin: 0; padding: 0; }
.gc-item { padding: 6px 10px; border-bottom: 1px solid #f0f0f0; cursor: pointer; }
.gc-item:hover, .gc-item.current { background: #fffde7; }
.gc-sev { display: inline-block; padding: 0 6px; margin-right: 6px; border-radius: 3px; color: #fff; font-size: 12px; }
.gc-sev.veto { background: #c62828; } .gc-sev.deduct { background: #ef6c00; } .gc-sev.hint { background: #1565c0; }
.gc-msg { word-break: break-all; }
.gc-sub { color: #607d8b; font-size: 12px; }
.gc-notes { padding: 6px 10px; color: #6d4c41; background: #fff8e1; font-size: 12px; }
.gc-tip { position: fixed; z-index: 2147483647; max-width: 320px; padding: 8px 10px; background: #263238; color: #fff; border-radius: 6px; font: 13px/1.5 "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif; pointer-events: none; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.gc-tip b { color: #ffecb3; }
.gc-box { position: fixed; z-index: 2147483646; border: 3px solid #ffeb3b; box-shadow: 0 0 0 2px #c62828; pointer-events: none; }
`;

/** Capture mode (标记问题): the start button, the pick outline and hint, the dialog. */
export const CAPTURE_CSS = `
.gc-bar { display: flex; gap: 6px; align-items: center; justify-content: flex-end; }
.gc-capture-start { padding: 6px 10px; border-radius: 18px; border: 1px solid #b0bec5; background: #fff; color: #37474f; cursor: pointer; font: inherit; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.gc-pick { position: fixed; z-index: 2147483646; border: 2px dashed #e53935; background: rgba(229,57,53,.08); pointer-events: none; }
.gc-hint { position: fixed; left: 50%; top: 12px; transform: translateX(-50%); padding: 6px 14px; background: #263238; color: #fff; border-radius: 6px; }
.gc-capture { width: 340px; margin-bottom: 8px; padding: 10px 12px; background: #fff; border: 1px solid #cfd8dc; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.25); display: flex; flex-direction: column; gap: 6px; }
.gc-capture label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: #455a64; }
.gc-capture label.gc-capture-auto { flex-direction: row; align-items: flex-start; gap: 6px; color: #6d4c41; }
.gc-capture select, .gc-capture textarea { font: 13px/1.5 inherit; padding: 3px 4px; border: 1px solid #b0bec5; border-radius: 4px; color: #222; background: #fff; }
.gc-capture textarea { resize: vertical; }
.gc-capture-title { font-weight: bold; }
.gc-capture-evidence { max-height: 60px; overflow: hidden; padding: 4px 6px; background: #fffde7; border-left: 3px solid #e53935; word-break: break-all; }
.gc-capture-error { color: #b71c1c; font-size: 12px; }
.gc-capture-buttons { display: flex; justify-content: flex-end; gap: 6px; }
.gc-capture-buttons button { font: inherit; padding: 3px 12px; border: 1px solid #b0bec5; background: #fff; border-radius: 4px; cursor: pointer; }
.gc-capture-buttons button.primary { background: #c62828; border-color: #c62828; color: #fff; }
`;

export const CAPTURE_ITEM_CSS = `
.gc-item-capture { float: right; font: 12px/1.4 inherit; padding: 0 6px; margin-left: 6px; border: 1px solid #b0bec5; background: #fff; border-radius: 3px; cursor: pointer; color: #37474f; }
`;

/** Link check: the marks after checked links and the progress in the bar. */
export const LINK_CSS = `
.gc-lm { position: fixed; z-index: 2147483645; min-width: 14px; height: 16px; padding: 0 2px; border-radius: 3px; font: bold 12px/16px sans-serif; text-align: center; color: #fff; cursor: help; pointer-events: auto; }
.gc-lm.dead { background: #c62828; } .gc-lm.suspect { background: #f9a825; color: #222; } .gc-lm.ok { background: #2e7d32; }
.gc-links { padding: 4px 10px; border-radius: 14px; background: #fff; border: 1px solid #b0bec5; color: #37474f; font-size: 12px; }
`;
