import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** The class of links that leave the platform; the web app styles them and announces the new tab. */
export const EXTERNAL_LINK_CLASS = 'external-link';

/** Images may only show the course's own attachments, by their API address. */
const ATTACHMENT_SOURCE =
  /^\/api\/v1\/attachments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/content)?(?:\?[^#]*)?$/i;

function without(attribs: sanitizeHtml.Attributes, names: string[]): sanitizeHtml.Attributes {
  return Object.fromEntries(Object.entries(attribs).filter(([name]) => !names.includes(name)));
}

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

/** The attachment ids that a Markdown text shows as images, so the caller can sign their addresses. */
export function attachmentIdsIn(text: string): string[] {
  const ids = [
    ...text.matchAll(
      /\/api\/v1\/attachments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi,
    ),
  ];
  return [...new Set(ids.map((match) => (match[1] ?? '').toLowerCase()))];
}

/**
 * Markdown as learners get it: HTML that cannot run anything. Raw HTML in the text is allowed only as
 * far as sanitize-html's list of harmless tags goes; no script, style, iframe, form or event handler
 * survives, links keep only http(s) and mailto addresses, and images only the course's attachments,
 * whose addresses `signAttachment` turns into short-lived signed ones (null drops the image).
 */
export function renderMarkdown(
  text: string,
  signAttachment: (attachmentId: string) => string | null,
): string {
  return sanitizeHtml(markdown.render(text), {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'a'),
      'a',
      'img',
      'del',
      's',
      'sup',
      'sub',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target', 'class'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      th: ['align', 'colspan', 'rowspan'],
      td: ['align', 'colspan', 'rowspan'],
      ol: ['start'],
      code: ['class'],
    },
    allowedClasses: { a: [EXTERNAL_LINK_CLASS], code: [/^language-[\w-]+$/] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs['href'] ?? '';
        const kept = without(attribs, ['target', 'rel', 'class']);
        if (/^https?:\/\//i.test(href)) {
          return {
            tagName,
            attribs: {
              ...kept,
              target: '_blank',
              rel: 'noopener noreferrer external',
              class: EXTERNAL_LINK_CLASS,
            },
          };
        }
        if (/^mailto:/i.test(href)) return { tagName, attribs: kept };
        return { tagName, attribs: without(kept, ['href']) };
      },
      img: (tagName, attribs) => {
        const match = ATTACHMENT_SOURCE.exec(attribs['src'] ?? '');
        const signed = match?.[1] ? signAttachment(match[1].toLowerCase()) : null;
        const kept = without(attribs, ['src']);
        return { tagName, attribs: signed ? { ...kept, src: signed } : kept };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
  });
}
