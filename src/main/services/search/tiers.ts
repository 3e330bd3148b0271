/**
 * Collects hits tier by tier (exact before prefix before substring), each tier an index lookup
 * with a LIMIT, and stops as soon as the group is full, so a common query never scans.
 * Within a tier, records in use come before archived ones.
 */
export class Tiers<T extends { id: string }> {
  readonly hits: T[] = [];
  private readonly seen = new Set<string>();
  constructor(
    private readonly limit: number,
    private readonly archived: (hit: T) => boolean = () => false,
  ) {}
  get full(): boolean {
    return this.hits.length >= this.limit;
  }
  /** Rows to ask a tier for: the room left plus what is already found, which it may return again. */
  get want(): number {
    return this.limit;
  }
  add(rows: T[]): T[] {
    const added: T[] = [];
    const ordered = [...rows].sort((a, b) => Number(this.archived(a)) - Number(this.archived(b)));
    for (const hit of ordered) {
      if (this.full) break;
      if (this.seen.has(hit.id)) continue;
      this.seen.add(hit.id);
      this.hits.push(hit);
      added.push(hit);
    }
    return added;
  }
}
