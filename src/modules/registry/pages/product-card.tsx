// One product in a server-rendered grid: photo (or its group's drawing), name, category once, producer, place, stars.
import type { TFunction } from 'i18next';
import { Stars } from '../../../app/html/document.js';
import { localPath, type Lang } from '../../../app/html/site-i18n.js';
import type { ProductOut } from '../registry.contract.js';
import { illustrationPath } from './illustrations.js';

export const productPath = (id: string) => `/san-pham/${id}`;
export const entityPath = (id: string) => `/chu-the/${id}`;

export const groupName = (p: ProductOut, lang: Lang) => (lang === 'en' ? p.productSet.groupNameEn : p.productSet.groupName);

/** The product's photo, or the drawing of its product group (decorative then: the card names the group in text). */
export function ProductPicture({ p, t, eager = false }: { p: ProductOut; t: TFunction; eager?: boolean }) {
  return p.imageUrl
    ? <img className="thumb" src={p.imageUrl} alt={t('product.photo', { name: p.name })} width="480" height="360" loading={eager ? undefined : 'lazy'} />
    : <img className="thumb" src={illustrationPath(p.productSet.groupCode)} alt="" width="480" height="360" loading={eager ? undefined : 'lazy'} />;
}

export function ProductCard({ p, t, lang }: { p: ProductOut; t: TFunction; lang: Lang }) {
  return (
    <li className="card">
      <ProductPicture p={p} t={t} />
      <div className="body">
        <span className="tag">{groupName(p, lang)}</span>
        <a className="title" href={localPath(productPath(p.id), lang)}>{p.name}</a>
        <span className="muted">{p.entity.name}</span>
        <span className="muted">{p.communeName}, {p.provinceName}</span>
        {p.stars ? <Stars count={p.stars} t={t} /> : <span className="muted">{t(`productStatus.${p.status}`)}</span>}
      </div>
    </li>
  );
}
