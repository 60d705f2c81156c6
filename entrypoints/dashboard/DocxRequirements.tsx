import { useState } from 'preact/hooks';
import reportText from '@/lib/data/report-text.json';

// the inspector's 整改要求 survives a reload of the dashboard
const KEY = 'govcheck-docx-requirements';

function load(): string {
  try {
    return localStorage.getItem(KEY) || reportText.requirements;
  } catch {
    return reportText.requirements;
  }
}

/** The Word 通报's 三、整改要求: the default of lib/data/report-text.json until the inspector edits it. */
export function useRequirements(): [string, (t: string) => void] {
  const [text, setText] = useState(load);
  const edit = (t: string) => {
    setText(t);
    try {
      if (t === reportText.requirements) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, t);
    } catch {
      // storage unavailable: the edit still applies to this export
    }
  };
  return [text, edit];
}

export function DocxRequirements({ value, onChange }: { value: string; onChange: (t: string) => void }) {
  return (
    <details class="docx-requirements" data-testid="docx-requirements">
      <summary>通报“整改要求”</summary>
      <textarea data-testid="docx-requirements-text" rows={5} cols={60} value={value} onInput={(e) => onChange((e.target as HTMLTextAreaElement).value)} />
      <button type="button" data-testid="docx-requirements-reset" onClick={() => onChange(reportText.requirements)}>
        恢复默认
      </button>
    </details>
  );
}
