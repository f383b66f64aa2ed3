// XML 1.0 cannot carry most control characters at all, not even as character references.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g; // eslint-disable-line no-control-regex

/** Text for an attribute value or element content. Line breaks in attributes survive as references. */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** A CDATA section; `]]>` inside the text is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(FORBIDDEN, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
