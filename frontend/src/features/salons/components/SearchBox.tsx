import { type KeyboardEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { useDebouncedValue } from "@/hooks/use-debounced-value";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";
import type { City, DistrictSuggestion, Suggestions } from "@/types/models";

import { SUGGEST_MIN_LENGTH, useSuggestions } from "../api/suggest";

/** How long typing pauses before the suggestions are asked for. */
export const SUGGEST_DELAY_MS = 150;

type Option =
  | { kind: "salon"; key: string; id: number; label: string; detail: string }
  | { kind: "service"; key: string; label: string; detail: string }
  | { kind: "district"; key: string; label: string; detail: string; district: DistrictSuggestion };

interface SearchBoxProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Suggestions only from this city (when one is chosen). */
  city: City | null;
  /** A service suggestion: search for it. */
  onPickService: (name: string) => void;
  /** A district suggestion: search in it. */
  onPickDistrict: (district: DistrictSuggestion) => void;
}

/**
 * The search words with suggestions as they are typed (the ARIA combobox pattern): salons (opens
 * its page), services (searches for it) and districts (filters by it). Up and Down move through the
 * suggestions, Enter picks the one highlighted (or searches for the words), Escape closes the list.
 */
export function SearchBox({ label, value, onValueChange, city, onPickService, onPickDistrict }: SearchBoxProps) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-suggestions`;
  // Only words the customer types are looked up (not those of a link), until a pick or Escape.
  const [typing, setTyping] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebouncedValue(value, SUGGEST_DELAY_MS);
  // Asked for once the typing pauses (the words have stayed the same for the delay).
  const suggestions = useSuggestions(debounced, city, typing && debounced === value);
  const optionsOf = (suggestions: Suggestions): Option[] => [
    ...suggestions.salons.map((salon): Option => ({
      kind: "salon",
      key: `salon-${salon.id}`,
      id: salon.id,
      label: salon.name,
      detail: t("place", { district: salon.district, city: salon.city_name }),
    })),
    ...suggestions.services.map((service, index): Option => ({
      kind: "service",
      key: `service-${index}`,
      label: service.name,
      detail: t("suggest.salonCount", { count: service.salon_count, n: formatNumber(service.salon_count, language) }),
    })),
    ...suggestions.districts.map((district, index): Option => ({
      kind: "district",
      key: `district-${index}`,
      label: district.name,
      detail: district.city_name,
      district,
    })),
  ];
  const longEnough = value.trim().length >= SUGGEST_MIN_LENGTH && debounced.trim().length >= SUGGEST_MIN_LENGTH;
  const options = typing && longEnough && suggestions.data ? optionsOf(suggestions.data) : [];
  const open = typing && value.trim() !== "" && options.length > 0;
  const activeOption = open && active >= 0 ? options[active] : undefined;

  const close = () => {
    setTyping(false);
    setActive(-1);
  };

  const pick = (option: Option) => {
    close();
    if (option.kind === "salon") void navigate(`/salons/${option.id}`);
    else if (option.kind === "service") onPickService(option.label);
    else onPickDistrict(option.district);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) {
        if (options.length > 0 || value.trim()) setTyping(true);
        return;
      }
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      // From the words, Down goes to the first and Up to the last; past either end, back to the words.
      setActive((current) => {
        const next = current + step;
        if (current === -1 && step === -1) return options.length - 1;
        return next < 0 || next >= options.length ? -1 : next;
      });
    } else if (event.key === "Enter") {
      // With a suggestion highlighted, Enter picks it; otherwise the form searches for the words.
      if (activeOption) {
        event.preventDefault();
        pick(activeOption);
      } else close();
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  };

  const sections = (["salon", "service", "district"] as const)
    .map((kind) => ({
      kind,
      options: options.map((option, index) => ({ option, index })).filter(({ option }) => option.kind === kind),
    }))
    .filter((section) => section.options.length > 0);

  return (
    <div className="typeahead">
      <label className="field__label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-${activeOption.key}` : undefined}
        autoComplete="off"
        value={value}
        onChange={(event) => {
          onValueChange(event.target.value);
          setTyping(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
        placeholder={t("search.placeholder")}
        enterKeyHint="search"
        maxLength={100}
      />
      <div id={listId} role="listbox" aria-label={t("suggest.label")} className="typeahead__list" hidden={!open}>
        {open &&
          sections.map((section) => (
            <div key={section.kind} role="group" aria-labelledby={`${id}-${section.kind}-heading`}>
              <div id={`${id}-${section.kind}-heading`} role="presentation" className="typeahead__heading">
                {t(`suggest.${section.kind}s`)}
              </div>
              {section.options.map(({ option, index }) => (
                <div
                  key={option.key}
                  id={`${id}-${option.key}`}
                  role="option"
                  aria-selected={index === active}
                  className={`typeahead__option${index === active ? " typeahead__option--active" : ""}`}
                  // Keeps the focus in the box (a blur would close the list before the click).
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(option)}
                >
                  <span className="typeahead__label" dir="auto">
                    {option.label}
                  </span>{" "}
                  <span className="typeahead__detail">{option.detail}</span>
                </div>
              ))}
            </div>
          ))}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {open ? t("suggest.count", { count: options.length, n: formatNumber(options.length, language) }) : ""}
      </p>
    </div>
  );
}
