import { DOCUMENT_KINDS, type DocumentKind } from '../../../kinds/detect';

/** The kinds parsed into the offset tree (every kind but Dockerfiles, which dockerfile-ast reads). */
export const TREE_KINDS: readonly DocumentKind[] = DOCUMENT_KINDS.filter((kind) => kind !== 'dockerfile');
