import type { InputHTMLAttributes, Ref } from 'react';
import { useFormContext } from 'react-hook-form';
import type { HotlineLines } from '../../../shared/api/intake';
import { CATEGORIES } from '../../../shared/domain/categories';
import { DESK_CHANNELS } from '../../../shared/domain/channels';
import { FORCES } from '../../../shared/domain/forces';
import { PLACE_TYPES } from '../../../shared/domain/place-types';
import { formatPhone } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { DESCRIPTION_MAX } from '../../../shared/schemas/report';
import { TYPED_TIME_FORMAT } from '../../lib/datetime';
import { useT } from '../../lib/i18n';
import { Field, type FieldControlProps } from '../../ui/Field';
import type { IntakeValues } from './intake-form';
import { PlacePicker } from './PlacePicker';

type TextName = Exclude<keyof IntakeValues, 'callerAnonymous' | 'line' | 'category' | 'placeType' | 'channel'>;

/** A control's own descriptions (hint, error) and one shown elsewhere, such as the time formats below a row. */
const alsoDescribedBy = (control: FieldControlProps, id: string) =>
  [control['aria-describedby'], id].filter(Boolean).join(' ');

/** One typed input of the console, labelled by its field's name. */
function TextInput({ name, ...props }: { name: TextName } & InputHTMLAttributes<HTMLInputElement>) {
  const t = useT();
  const { register } = useFormContext<IntakeValues>();
  return (
    <Field name={name} label={t(`field.${name}` as MessageKey)}>
      {(control) => (
        <input
          {...control}
          {...register(name)}
          {...props}
          aria-describedby={
            props['aria-describedby']
              ? alsoDescribedBy(control, props['aria-describedby'])
              : control['aria-describedby']
          }
        />
      )}
    </Field>
  );
}

function Choice({
  name,
  options,
  selectRef,
}: {
  name: 'channel' | 'line' | 'category' | 'placeType';
  options: { value: string; label: string }[];
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const t = useT();
  const { register } = useFormContext<IntakeValues>();
  const { ref, ...registered } = register(name);
  return (
    <Field name={name} label={t(`field.${name}` as MessageKey)}>
      {(control) => (
        <select
          {...control}
          {...registered}
          ref={(element) => {
            ref(element);
            if (typeof selectRef === 'function') selectRef(element);
            else if (selectRef) selectRef.current = element;
          }}
        >
          {name !== 'line' && name !== 'channel' && <option value="">{t('ui.report.choose')}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * How the report came (issue #18), first: a call names its line, when, and who called unless they stay anonymous
 * (SPEC.md §6); a visit, a letter, an e-mail or a Zalo message names when it was received (the clocks start then).
 */
export function CallFieldset({
  lines,
  firstField,
}: {
  lines: HotlineLines['lines'];
  firstField: Ref<HTMLSelectElement>;
}) {
  const t = useT();
  const { setValue, watch } = useFormContext<IntakeValues>();
  const anonymous = watch('callerAnonymous');
  const channel = watch('channel');
  const lineOptions = lines.map((l) => ({
    value: l.number,
    label: `${formatPhone(l.number)} — ${l.provinceName ?? t('ui.intake.national_line')}`,
  }));
  // An anonymous caller's number and contact are not written down anywhere.
  const forget = () => {
    for (const name of ['callerNumber', 'contactName', 'contactPhone', 'contactEmail'] as const) setValue(name, '');
  };
  return (
    <fieldset className="intake-form__group">
      <legend id="call-title">{t(channel === 'hotline' ? 'ui.intake.call_title' : 'ui.intake.desk_title')}</legend>
      <div className="intake-form__row">
        <Choice
          name="channel"
          options={DESK_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          selectRef={firstField}
        />
        {channel !== 'hotline' && (
          <TextInput
            name="receivedAt"
            inputMode="numeric"
            placeholder={TYPED_TIME_FORMAT}
            aria-describedby="received-hint"
          />
        )}
      </div>
      {channel !== 'hotline' && (
        <p id="received-hint" className="hint">
          {t('ui.intake.received_hint')}
        </p>
      )}
      {channel === 'hotline' && <CallFields lineOptions={lineOptions} anonymous={anonymous} forget={forget} />}
    </fieldset>
  );
}

/** The call's own fields: the line, its times, the caller's number or anonymity. */
function CallFields({
  lineOptions,
  anonymous,
  forget,
}: {
  lineOptions: { value: string; label: string }[];
  anonymous: boolean;
  forget(): void;
}) {
  const t = useT();
  const { register } = useFormContext<IntakeValues>();
  return (
    <>
      <div className="intake-form__row">
        <Choice name="line" options={lineOptions} />
        <TextInput
          name="callStartedAt"
          inputMode="numeric"
          placeholder={TYPED_TIME_FORMAT}
          aria-describedby="time-hint"
        />
        <TextInput
          name="callEndedAt"
          inputMode="numeric"
          placeholder={t('ui.intake.end_placeholder')}
          aria-describedby="time-hint"
        />
      </div>
      <p id="time-hint" className="hint">
        {t('ui.intake.time_hint')}
      </p>
      <div className="intake-form__row">
        <TextInput name="callerNumber" type="tel" inputMode="tel" disabled={anonymous} placeholder="0912 345 678" />
        <label className="check">
          <input
            id="callerAnonymous"
            type="checkbox"
            {...register('callerAnonymous', {
              onChange: (e: { target: HTMLInputElement }) => e.target.checked && forget(),
            })}
          />
          {t('field.callerAnonymous')}
        </label>
      </div>
    </>
  );
}

/** What the caller reports: the same fields as the citizen's form. */
export function ReportFieldset({ placeKey }: { placeKey: number }) {
  const t = useT();
  const { register, watch } = useFormContext<IntakeValues>();
  const placeType = watch('placeType');
  const description = watch('description');
  const misconduct = watch('misconduct');
  return (
    <fieldset className="intake-form__group">
      <legend>{t('ui.intake.report_title')}</legend>
      <div className="intake-form__row">
        <Choice name="category" options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        <Choice name="placeType" options={PLACE_TYPES.map((p) => ({ value: p, label: t(`place_type.${p}`) }))} />
      </div>
      {/* A new call starts the place searches afresh. */}
      <PlacePicker key={placeKey} />
      <TextInput name="address" maxLength={300} />
      {placeType === 'online' && <TextInput name="url" type="url" placeholder="https://" />}
      {placeType === 'online' && <TextInput name="sellerHandle" maxLength={200} />}
      <TextInput name="observedAt" inputMode="numeric" placeholder={TYPED_TIME_FORMAT} aria-describedby="time-hint" />
      <Field name="description" label={t('field.description')}>
        {(control) => (
          <>
            <textarea
              {...control}
              {...register('description')}
              rows={6}
              maxLength={DESCRIPTION_MAX}
              aria-describedby={alsoDescribedBy(control, 'description-count')}
            />
            <p id="description-count" className="hint">
              {t('ui.report.counter', { n: description.trim().length, max: DESCRIPTION_MAX })}
            </p>
          </>
        )}
      </Field>
      <label className="check intake-form__urgent">
        <input id="urgent" type="checkbox" {...register('urgent')} />
        {t('ui.report.urgent')}
      </label>
      {/* Issue #18: a tip about officials goes to the Standing Office of the Steering Committee 389. */}
      <label className="check">
        <input id="misconduct" type="checkbox" {...register('misconduct')} aria-describedby="misconduct-hint" />
        {t('field.misconduct')}
      </label>
      <p id="misconduct-hint" className="hint">
        {t('ui.report.misconduct_hint')}
      </p>
      {misconduct && (
        <Field name="implicatedForce" label={t('field.implicatedForce')}>
          {(control) => (
            <select {...control} {...register('implicatedForce')}>
              <option value="">{t('ui.report.implicated_unknown')}</option>
              {FORCES.map((f) => (
                <option key={f} value={f}>
                  {t(`force.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </fieldset>
  );
}

/** How to reach the caller again, unless they stay anonymous. */
export function ContactFieldset() {
  const t = useT();
  return (
    <fieldset className="intake-form__group">
      <legend>{t('ui.intake.contact_title')}</legend>
      <p className="hint">{t('ui.intake.contact_hint')}</p>
      <div className="intake-form__row">
        <TextInput name="contactName" />
        <TextInput name="contactPhone" type="tel" inputMode="tel" />
        <TextInput name="contactEmail" type="email" />
      </div>
    </fieldset>
  );
}
