import { CATEGORIES } from '../../../shared/domain/categories';
import { useT } from '../../lib/i18n';

/** The nine categories of SPEC.md §3, in the order of the spec. */
export function CategoryList() {
  const t = useT();
  return (
    <ul className="category-list">
      {CATEGORIES.map((code) => (
        <li key={code} className="category-list__item">
          {t(`category.${code}`)}
        </li>
      ))}
    </ul>
  );
}
