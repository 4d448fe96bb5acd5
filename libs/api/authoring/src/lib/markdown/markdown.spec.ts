import { EXTERNAL_LINK_CLASS, attachmentIdsIn, renderMarkdown } from './markdown';

const ATTACHMENT = '0b6f5d8e-2f44-4a8c-9d2e-5c3a1f0e9b71';
const sign = (id: string) =>
  id === ATTACHMENT ? `/api/v1/attachments/${id}/content?expires=1&signature=s` : null;

describe('renderMarkdown', () => {
  it('renders Markdown to HTML', () => {
    expect(renderMarkdown('# Pillars\n\n*Intra-service* cooperation', sign)).toBe(
      '<h1>Pillars</h1>\n<p><em>Intra-service</em> cooperation</p>\n',
    );
  });

  it('drops scripts, styles, frames and event handlers written as raw HTML', () => {
    const html = renderMarkdown(
      'Text <script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe>\n\n' +
        '<img src="x" onerror="alert(2)"> <b onclick="alert(3)">bold</b> <svg onload="alert(4)"></svg>',
      sign,
    );
    expect(html).not.toMatch(/<script|<style|<iframe|<svg|onerror|onclick|onload|alert/i);
    expect(html).toContain('<b>bold</b>');
  });

  it('keeps no javascript:, data: or vbscript: link, in Markdown or HTML', () => {
    const html = renderMarkdown(
      '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) ' +
        '<a href="javascript:alert(2)">raw</a> <a href="JaVaScRiPt&colon;alert(3)">encoded</a> [vb](vbscript:x)',
      sign,
    );
    // Markdown leaves a refused link as its own text; no element carries the address
    expect(html.match(/(href|src)=/g)).toBeNull();
    expect(html).toContain('<a>raw</a> <a>encoded</a>');
  });

  it('marks links that leave the platform and opens them in a new tab', () => {
    expect(
      renderMarkdown(
        '[IOM](https://www.iom.int/) <a href="http://x.example" target="_self" rel="opener">x</a>',
        sign,
      ),
    ).toBe(
      `<p><a href="https://www.iom.int/" target="_blank" rel="noopener noreferrer external" class="${EXTERNAL_LINK_CLASS}">IOM</a> ` +
        `<a href="http://x.example" target="_blank" rel="noopener noreferrer external" class="${EXTERNAL_LINK_CLASS}">x</a></p>\n`,
    );
  });

  it('keeps mailto links and drops the address of relative ones', () => {
    expect(renderMarkdown('[mail](mailto:training@example.org) [here](/admin)', sign)).toBe(
      '<p><a href="mailto:training@example.org">mail</a> <a>here</a></p>\n',
    );
  });

  it('shows only the course’s attachments as images, under signed addresses', () => {
    const html = renderMarkdown(
      `![map](/api/v1/attachments/${ATTACHMENT}/content) ![tracker](https://tracker.example/p.png) ` +
        `![other](/api/v1/attachments/11111111-2222-4333-8444-555555555555)`,
      sign,
    );
    expect(html).toBe(
      `<p><img alt="map" src="/api/v1/attachments/${ATTACHMENT}/content?expires=1&amp;signature=s" />  </p>\n`,
    );
  });

  it('finds the attachments a text shows', () => {
    expect(
      attachmentIdsIn(
        `![a](/api/v1/attachments/${ATTACHMENT.toUpperCase()}) ![b](/api/v1/attachments/${ATTACHMENT}/content)`,
      ),
    ).toEqual([ATTACHMENT]);
  });
});
