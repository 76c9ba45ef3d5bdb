// Highlights that have not reached the server yet, kept in localStorage per submission so a
// lost connection, a closed laptop or a reload never loses a student's work.

export class Outbox {
  constructor(submissionId) {
    this.key = `crosscheck:outbox:${submissionId}`;
  }

  all() {
    try {
      const items = JSON.parse(localStorage.getItem(this.key) || "[]");
      return Array.isArray(items) ? items : [];
    } catch {
      return [];
    }
  }

  save(items) {
    try {
      if (items.length) localStorage.setItem(this.key, JSON.stringify(items));
      else localStorage.removeItem(this.key);
    } catch {
      // Storage full or disabled: the in-memory copy still retries while the page is open.
    }
  }

  put(item) {
    this.save([...this.all().filter((i) => i.key !== item.key), item]);
  }

  update(key, patch) {
    this.save(this.all().map((i) => (i.key === key ? { ...i, ...patch } : i)));
  }

  remove(key) {
    this.save(this.all().filter((i) => i.key !== key));
  }
}
