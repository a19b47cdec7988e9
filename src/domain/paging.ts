// Paging shared by every paged list: which page is shown of `total` rows.

/** The page shown of `total` rows, `size` a page: the one asked for (at least 1), or the last there is. */
export function pageWithin(requested: number, total: number, size: number): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / size));
  return { page: Math.min(Math.max(1, requested), pageCount), pageCount };
}
