// Whether tables stay readable on a narrow screen: the header cells and the first rows' cells whose text would
// not fit three characters (wrapping one character per line is what this catches). Measured in the browser.
import type { Page } from '@playwright/test';

export interface NarrowCell {
  text: string;
  width: number;
  need: number;
}

/** Rendered table cells narrower than min(3, their text's length) characters of their font. */
export async function narrowTableCells(page: Page): Promise<NarrowCell[]> {
  // a function, not a string: the page's Content-Security-Policy forbids evaluating strings
  return page.evaluate(() => {
    interface El {
      innerText: string;
      getBoundingClientRect(): { width: number; height: number };
    }
    const g = globalThis as unknown as {
      document: { querySelectorAll(selector: string): ArrayLike<El> };
      getComputedStyle(e: El): { fontSize: string; paddingLeft: string; paddingRight: string };
    };
    const cells = g.document.querySelectorAll(
      '.ant-table-wrapper thead th, .ant-table-wrapper tbody tr.ant-table-row:nth-child(-n+8) > td',
    );
    const out: { text: string; width: number; need: number }[] = [];
    for (const cell of Array.from(cells)) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (another tab)
      const text = cell.innerText.trim().split('\n')[0] ?? '';
      if (!text) continue;
      const st = g.getComputedStyle(cell);
      const width = box.width - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
      const need = Math.min([...text].length, 3) * parseFloat(st.fontSize) * 0.9;
      if (width < need)
        out.push({ text: text.slice(0, 24), width: Math.round(width), need: Math.round(need) });
    }
    return out;
  });
}
