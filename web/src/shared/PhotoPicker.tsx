// Evidence photos: resized in the browser (longest side ≤ 1280 px, JPEG) so each stays well under the
// server's 1.5 MB limit; kept as data URLs until the form is sent.
import { useRef, useState } from 'react';
import { Alert, Flex, Image, Upload } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const MAX_SIDE = 1280;
const MAX_DATA_URL = 1_900_000; // the API accepts data URLs up to 2,000,000 characters (≤ 1.5 MB decoded)

function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new window.Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('image'));
    };
    img.src = url;
  });
}

/** A JPEG data URL of the image, longest side at most 1280 px, quality lowered until it fits. */
export async function resizeImage(file: File): Promise<string> {
  const img = await loadImage(file);
  const ratio = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * ratio));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * ratio));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas');
  ctx.fillStyle = '#fff'; // transparent PNGs become white, not black, as JPEG
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.85, 0.7, 0.55, 0.4]) {
    const url = canvas.toDataURL('image/jpeg', quality);
    if (url.length <= MAX_DATA_URL) return url;
  }
  throw new Error('too large');
}

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  max?: number;
  testId?: string;
  large?: boolean;
}

export function PhotoPicker({ value = [], onChange, max = 3, testId, large }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const size = large ? 96 : 80;
  const latest = useRef(value);
  latest.current = value;

  const add = async (file: File) => {
    setError(null);
    if (!file.type.startsWith('image/')) {
      setError(t('cases.photos.notImage'));
      return;
    }
    setBusy(true);
    try {
      const url = await resizeImage(file);
      const next = [...latest.current, url].slice(0, max);
      latest.current = next; // several files picked at once arrive one after another
      onChange?.(next);
    } catch {
      setError(t('cases.photos.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={testId}>
      <Flex gap={8} wrap align="center">
        {value.map((url, i) => (
          <div key={i} className="photo-thumb" style={{ width: size, height: size }}>
            <Image
              src={url}
              width={size}
              height={size}
              style={{ objectFit: 'cover' }}
              alt={t('cases.photos.nth', { n: i + 1 })}
            />
            <button
              type="button"
              className="photo-remove"
              aria-label={t('cases.photos.remove', { n: i + 1 })}
              onClick={() => onChange?.(value.filter((_, j) => j !== i))}
            >
              <DeleteOutlined />
            </button>
          </div>
        ))}
        {value.length < max && (
          <Upload
            accept="image/*"
            showUploadList={false}
            multiple
            disabled={busy}
            beforeUpload={(file) => {
              void add(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <button type="button" className="photo-add" style={{ width: size, height: size }} disabled={busy}>
              <CameraOutlined aria-hidden style={{ fontSize: 20 }} />
              <span>
                {busy ? t('cases.photos.processing') : t('cases.photos.add', { count: value.length, max })}
              </span>
            </button>
          </Upload>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </div>
  );
}
