import { useId, useState, type KeyboardEvent } from 'react';

export interface SearchOption {
  value: string;
  label: string;
  hint?: string;
}

interface Props {
  id: string;
  label: string;
  /** The options matching what is typed (the caller filters, locally or on the server). */
  options: SearchOption[];
  query: string;
  onQuery(query: string): void;
  selected: SearchOption | null;
  onSelect(option: SearchOption | null): void;
  placeholder?: string;
  hint?: string;
  error?: string | undefined;
  disabled?: boolean;
  /**
   * Whether `options` answer what is typed now (default true). A caller searching after a pause (debounced, on
   * the server) passes false while the options are still the previous search's: Tab then takes nothing (moves on),
   * so a quick typist never gets the previous text's first option (issue #17 review).
   */
  current?: boolean;
}

/**
 * A combobox for the keyboard (WAI-ARIA pattern): type a few letters, ↓/↑ to move, Enter to choose
 * (Enter never reaches the form), Tab to choose and move on (issue #17; only once something was typed or
 * the arrows moved: tabbing through an empty box chooses nothing), Esc to close. Tab chooses nothing while the
 * options are not `current` (still the previous search's); Enter, a deliberate choice of what is highlighted,
 * does. Typing again clears the choice.
 */
export function SearchSelect({
  id,
  label,
  options,
  query,
  onQuery,
  selected,
  onSelect,
  placeholder,
  hint,
  error,
  disabled,
  current = true,
}: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Whether the operator typed or moved in the list since the box took the focus: Tab then takes the highlighted option.
  const [searched, setSearched] = useState(false);
  const shown = open && !selected && options.length > 0;
  const choose = (option: SearchOption | undefined) => {
    if (!option) return;
    onSelect(option);
    onQuery(option.label);
    setOpen(false);
    setSearched(false);
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setSearched(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? 0 : (i + step + options.length) % options.length));
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      if (shown) {
        event.preventDefault();
        choose(options[Math.min(active, options.length - 1)]);
      }
    } else if (event.key === 'Tab' && !event.shiftKey && shown && searched && current) {
      // Not prevented: the focus moves on as usual, with the option taken.
      choose(options[Math.min(active, options.length - 1)]);
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field search-select">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown ? `${listId}-${Math.min(active, options.length - 1)}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) => {
          onQuery(e.target.value);
          if (selected) onSelect(null);
          setActive(0);
          setOpen(true);
          setSearched(true);
        }}
        onFocus={() => {
          setOpen(true);
          setSearched(false);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label={label} className="search-select__list" hidden={!shown}>
        {shown &&
          options.map((option, i) => (
            <li
              key={option.value}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`search-select__option${i === active ? ' search-select__option--active' : ''}`}
              // mousedown, not click: the input keeps focus and does not close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
            >
              {option.label}
              {option.hint && <span className="hint"> — {option.hint}</span>}
            </li>
          ))}
      </ul>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
