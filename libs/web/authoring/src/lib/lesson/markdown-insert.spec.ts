import { attachmentAddress, imageMarkdown, insertAt } from './markdown-insert';

describe('inserting an image into a lesson’s Markdown', () => {
  it('uses the attachment’s lasting address, not the signed one that expires', () => {
    expect(attachmentAddress('/api/v1/attachments/a1/content?expires=1&signature=x')).toBe(
      '/api/v1/attachments/a1/content',
    );
  });

  it('writes the image with its description, escaping brackets', () => {
    expect(imageMarkdown(' Map of the [north] post ', '/api/v1/attachments/a1/content?expires=1')).toBe(
      '![Map of the \\[north\\] post](/api/v1/attachments/a1/content)',
    );
  });

  it('puts the image on a line of its own where the cursor is, and the cursor after it', () => {
    expect(insertAt('Intro text', 5, 5, '![a](u)')).toEqual({ text: 'Intro\n![a](u)\n text', cursor: 13 });
    expect(insertAt('', 0, 0, '![a](u)')).toEqual({ text: '![a](u)', cursor: 7 });
    expect(insertAt('Line\n', 5, 5, '![a](u)')).toEqual({ text: 'Line\n![a](u)', cursor: 12 });
  });

  it('replaces a selection', () => {
    expect(insertAt('keep OLD keep', 5, 8, 'X').text).toBe('keep \nX\n keep');
  });
});
