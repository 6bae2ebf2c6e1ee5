import type { DocSection } from '../../src/search/doc-section.js';

/** A help section for ranking tests: for everyone, no tags, code or link; the rest as given. */
export function sectionFixture(
  fields: Pick<DocSection, 'slug' | 'anchor' | 'articleTitle' | 'heading' | 'text'> & Partial<DocSection>,
): DocSection {
  return {
    id: `${fields.slug}#${fields.anchor}`,
    audience: 'all',
    category: '',
    tags: [],
    prose: fields.text,
    code: '',
    asked: [],
    url: '',
    ...fields,
  };
}
