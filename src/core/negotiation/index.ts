/** Private negotiation: the catalogue, each partner's answers and the overlap both may see. */
export * from './catalogue';
export * from './answers';
export * from './overlap';
export * from './draft';
