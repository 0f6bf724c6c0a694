/** Pure rules of importing CSV and XLSX files: headers, cells, rows, clusters, problems. */
export * from './cells';
export * from './clusters';
export * from './header-text';
export * from './headers';
export * from './kinds';
export * from './problems';
export * from './rows';
