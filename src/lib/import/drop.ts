/**
 * Makes `zone` take a file dropped on it: while files are dragged over it, `dragging(true)`; once they leave it
 * or drop, `dragging(false)`; a dropped file goes to `drop`, and nowhere else (the page's own drop handler does not
 * see it). Drags of anything but files pass through. Returns the cleanup.
 */
export function fileDrop(zone: HTMLElement, handlers: { dragging: (on: boolean) => void; drop: (file: File) => void }): () => void {
  const over = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    handlers.dragging(true);
  };
  const leave = (e: DragEvent) => {
    if (!zone.contains(e.relatedTarget as Node | null)) handlers.dragging(false);
  };
  const drop = (e: DragEvent) => {
    const file = e.dataTransfer?.files?.[0];
    handlers.dragging(false);
    if (!file) return;
    e.preventDefault();
    e.stopPropagation();
    handlers.drop(file);
  };
  zone.addEventListener('dragover', over);
  zone.addEventListener('dragleave', leave);
  zone.addEventListener('drop', drop);
  return () => {
    zone.removeEventListener('dragover', over);
    zone.removeEventListener('dragleave', leave);
    zone.removeEventListener('drop', drop);
  };
}
