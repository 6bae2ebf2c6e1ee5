import type { IndexableDocument } from './build-lunr-index.js';
import type { DocSection } from './doc-section.js';

/**
 * What of a section goes into which index field. The intro's heading is the
 * article title, already in `title`, so it is not repeated in `headings`;
 * an h3 also carries the heading of its h2. The asked phrasings and the
 * code samples are fields of their own, so they get their own weight.
 */
export function sectionDocument(section: DocSection): IndexableDocument {
  const headings = section.anchor === '' ? '' : [section.parentHeading ?? '', section.heading].join(' ');
  return {
    id: section.id,
    title: section.articleTitle,
    headings,
    body: section.prose,
    code: section.code,
    tags: [...section.tags, section.category].join(' '),
    asked: section.asked.join('\n'),
  };
}
