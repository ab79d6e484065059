/**
 * Reads a chosen file as base64 for an upload channel (the main process checks its type and size again), reporting
 * how far it got when asked (large scans take a moment).
 */
export function readBase64(file: File, onProgress?: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    if (onProgress) reader.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export const ACCEPT = '.pdf,.png,.jpg,.jpeg,.ofd';
export const ALERT_COLOR = { overdue: 'red', dueSoon: 'orange', reminder: 'yellow', none: 'gray' } as const;
export const STATE_COLOR = { open: 'blue', supplied: 'grape', closed: 'green', notApplied: 'gray' } as const;
