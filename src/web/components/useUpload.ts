// One multipart upload at a time, with its progress (0–100) for a progress bar.
import { useState } from 'react';
import { upload } from '../api.js';

export function useUpload() {
  const [percent, setPercent] = useState<number | null>(null);
  async function send<T>(url: string, form: FormData): Promise<T> {
    setPercent(0);
    try {
      return await upload<T>(url, form, setPercent);
    } finally {
      setPercent(null);
    }
  }
  return { percent, busy: percent !== null, send };
}
