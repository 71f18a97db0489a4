// custom:desk-coach-card: a Desk Coach desk at a glance, with its buttons.
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from "lit";
import { styleMap } from "lit/directives/style-map.js";

import { DOMAIN, deskDevices, resolveDesk, type Desk } from "./desk";
import "./desk-coach-card-editor";
import { defineElement } from "./register";
import { languageOf, localizer, type Localize, type StringKey } from "./strings";
import {
  renderChecking,
  renderPreview,
  renderProgramme,
  renderRoutine,
  type ButtonOptions,
  type Controls,
} from "./routine-view";
import { cardStyles } from "./styles";
import { durationMinutes } from "./time";
import { SECTIONS, type DeskCoachCardConfig, type HomeAssistant, type Section } from "./types";
import {
  adviceView,
  breakView,
  checkingView,
  countsDown,
  levelText,
  pausedText,
  previewView,
  ratingView,
  routineBusy,
  routineView,
  strengthRoutine,
  stretchMinutes,
  todayView,
  type AdviceView,
  type BreakView,
} from "./view";
import { statisticsRequest, weekBars, type Series, type StatisticsResult } from "./week";

export const CARD_TYPE = "desk-coach-card";
const HOUR = 3_600_000;
// statistics of the past hour are compiled a little after it ends
const STATISTICS_DELAY = 5 * 60_000;
const RING_RADIUS = 44;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;
// the pain advice hidden with ✕ stays hidden in this browser (per routine sensor)
const DISMISSED_ADVICE = "desk-coach-card:dismissed-advice:";

function storedDismissal(entityId: string): string | null {
  try {
    return localStorage.getItem(DISMISSED_ADVICE + entityId);
  } catch {
    return null; // storage blocked: dismissal lasts as long as the card
  }
}

function storeDismissal(entityId: string, id: string): void {
  try {
    localStorage.setItem(DISMISSED_ADVICE + entityId, id);
  } catch {
    // storage blocked: the card still hides it
  }
}

export class DeskCoachCard extends LitElement {
  static override properties = {
    hass: { attribute: false },
    _config: { state: true },
    _now: { state: true },
    _week: { state: true },
    _busy: { state: true },
    _dismissed: { state: true },
    _preview: { state: true },
  };
  static override styles = cardStyles;

  declare hass: HomeAssistant | undefined;
  declare _config: DeskCoachCardConfig | undefined;
  /** The time the countdowns show; ticks by itself, not with state updates. */
  declare _now: number;
  /** The daily statistics, once fetched. */
  declare _week: StatisticsResult | undefined;
  /** The action being performed, whose button waits for it. */
  declare _busy: string | undefined;
  /** The pain advice hidden with ✕ (its advice_until). */
  declare _dismissed: string | undefined;
  /** The routine whose preview is open (its id). */
  declare _preview: string | undefined;

  private _timer: ReturnType<typeof setInterval> | undefined;
  private _desk: Desk | undefined;
  private _deskFrom: [DeskCoachCardConfig, unknown, unknown] | undefined;
  private _weekFetched: string | undefined;

  constructor() {
    super();
    this._now = Date.now();
  }

  static getConfigElement(): HTMLElement {
    return document.createElement(`${CARD_TYPE}-editor`);
  }

  static getStubConfig(hass: HomeAssistant): Partial<DeskCoachCardConfig> {
    const desk = deskDevices(hass)[0];
    return desk ? { device_id: desk.id } : {};
  }

  setConfig(config: DeskCoachCardConfig): void {
    if (!config || typeof config !== "object") throw new Error("Invalid configuration");
    for (const key of ["device_id", "entry_id"] as const) {
      if (config[key] !== undefined && typeof config[key] !== "string")
        throw new Error(`${key} must be a text`);
    }
    for (const section of SECTIONS) {
      const value = config[`show_${section}`];
      if (value !== undefined && typeof value !== "boolean")
        throw new Error(`show_${section} must be true or false`);
    }
    this._config = { ...config };
  }

  getCardSize(): number {
    const sizes: Record<Section, number> = { ring: 2, today: 2, buttons: 1, routine: 0, week: 2 };
    return 1 + SECTIONS.reduce((size, s) => size + (this._shows(s) ? sizes[s] : 0), 0);
  }

  getGridOptions(): Record<string, number> {
    return { columns: 12, min_columns: 6 };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._timer = setInterval(() => this._tick(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
    this._timer = undefined;
  }

  private _shows(section: Section): boolean {
    return this._config?.[`show_${section}`] !== false;
  }

  /** The desk, looked up again only when the config or the registries change. */
  private _resolve(): Desk | undefined {
    const { hass, _config: config } = this;
    if (!hass || !config) return undefined;
    const from: [DeskCoachCardConfig, unknown, unknown] = [config, hass.entities, hass.devices];
    if (!this._deskFrom || from.some((part, i) => part !== this._deskFrom![i])) {
      this._desk = resolveDesk(hass, config);
      this._deskFrom = from;
    }
    return this._desk;
  }

  /**
   * Counting down: re-render every second; otherwise when the stretch's minute or the
   * clock's minute turns.
   */
  private _tick(): void {
    const now = Date.now();
    const desk = this._resolve();
    const hass = this.hass;
    const counting = !!desk && !!hass && countsDown(hass, desk, now);
    const stretchTurned =
      !!desk && !!hass && stretchMinutes(hass, desk, now) !== stretchMinutes(hass, desk, this._now);
    if (counting || stretchTurned || Math.floor(now / 60_000) !== Math.floor(this._now / 60_000))
      this._now = now;
    void this._fetchWeek(now);
  }

  /** A state update renders only when one of this desk's entities changed. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (changed.size > 1 || !changed.has("hass")) return true;
    const old = changed.get("hass") as HomeAssistant | undefined;
    const hass = this.hass;
    if (!old || !hass) return true;
    if (
      old.entities !== hass.entities ||
      old.devices !== hass.devices ||
      languageOf(old) !== languageOf(hass)
    )
      return true;
    const desk = this._resolve();
    if (!desk) return false;
    return Object.values(desk.entities).some((id) => old.states[id] !== hass.states[id]);
  }

  /** A state update renders at the current second, not at the last tick's. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("hass")) this._now = Date.now();
    // a routine started (here or by voice): its preview has served
    const desk = this._resolve();
    if (this._preview && this.hass && desk && routineBusy(this.hass, desk))
      this._preview = undefined;
  }

  protected override updated(): void {
    void this._fetchWeek(this._now);
  }

  private async _fetchWeek(now: number): Promise<void> {
    const desk = this._resolve();
    if (!this.hass || !desk?.entities.sitting_today || !this._shows("week")) return;
    const ids = [desk.entities.sitting_today, desk.entities.standing_today].filter(
      (id): id is string => !!id,
    );
    const hour = Math.floor((now - STATISTICS_DELAY) / HOUR);
    const key = `${ids.join(" ")} ${hour}`;
    if (this._weekFetched === key) return;
    this._weekFetched = key;
    try {
      this._week = await this.hass.callWS<StatisticsResult>(statisticsRequest(ids, now));
    } catch {
      this._week = {}; // no recorder: the week shows today only
    }
  }

  private async _call(service: string, data: Record<string, unknown> = {}): Promise<void> {
    const desk = this._resolve();
    if (!this.hass || !desk) return;
    this._busy = service;
    try {
      await this.hass.callService(DOMAIN, service, {
        ...(desk.entryId ? { config_entry_id: desk.entryId } : {}),
        ...data,
      });
    } catch {
      // Home Assistant shows the refusal ("Nobody is sitting …") as a notification itself
    } finally {
      this._busy = undefined;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this._config || !this.hass) return nothing;
    const t = localizer(languageOf(this.hass));
    const desk = this._resolve();
    if (!desk) {
      const picked = this._config.device_id || this._config.entry_id;
      return html`<ha-card>
        <div class="message">${t(picked ? "desk_not_found" : "no_desk")}</div>
      </ha-card>`;
    }
    const now = this._now;
    const brk = breakView(this.hass, desk, now, t);
    const routine = routineView(this.hass, desk, now, t);
    const checking = checkingView(this.hass, desk);
    const advice = this._advice(desk, now);
    const ui = this._controls(t);
    const preview = this._preview ? previewView(this.hass, desk, this._preview, t) : undefined;
    const level = levelText(this.hass, desk, t);
    const rating = ratingView(this.hass, desk, t);
    return html`<ha-card>
      <h2>${desk.name}</h2>
      ${this._shows("ring") ? this._renderRing(brk, t) : nothing}
      ${this._shows("today") ? this._renderToday(desk, t) : nothing}
      ${this._shows("routine") && routine ? renderRoutine(routine, ui) : nothing}
      ${this._shows("routine") && checking ? renderChecking(checking.routineName, ui) : nothing}
      ${this._shows("routine") && advice ? this._renderAdvice(desk, advice, t) : nothing}
      ${this._shows("buttons") ? this._renderButtons(desk, brk, t) : nothing}
      ${
        this._shows("buttons") && preview
          ? renderPreview(preview, ui, () => (this._preview = undefined))
          : nothing
      }
      ${this._shows("buttons") && (level || rating) ? renderProgramme(level, rating, ui) : nothing}
      ${this._shows("buttons") ? this._renderPause(desk, now, t) : nothing}
      ${this._shows("week") ? this._renderWeek(desk, t) : nothing}
    </ha-card>`;
  }

  private _renderRing(brk: BreakView, t: Localize): TemplateResult {
    const filled = RING_LENGTH * brk.fraction;
    const state = brk.due ? "due" : brk.center ? "counting" : "idle";
    return html`<section class="ring-row ${state}">
      <div
        class="ring ${state}"
        role="img"
        aria-label=${t("ring_label", { done: Math.round(brk.fraction * 100) })}
      >
        <svg viewBox="0 0 100 100" aria-hidden="true">
          ${svg`<circle class="track" cx="50" cy="50" r=${RING_RADIUS}></circle>
            <circle class="fill" cx="50" cy="50" r=${RING_RADIUS}
              stroke-dasharray="${filled} ${RING_LENGTH}" transform="rotate(-90 50 50)"></circle>`}
        </svg>
        <div class="center" aria-hidden="true">${brk.center}</div>
      </div>
      <div>
        <div class="headline">${brk.headline}</div>
        ${
          brk.headline !== brk.statusText && !(brk.status === "sitting" && brk.stretch)
            ? html`<div class="secondary">${brk.statusText}</div>`
            : nothing
        }
        ${brk.stretch ? html`<div class="stretch">${brk.stretch}</div>` : nothing}
      </div>
    </section>`;
  }

  private _renderToday(desk: Desk, t: Localize): TemplateResult {
    const today = todayView(this.hass!, desk, languageOf(this.hass), t);
    return html`<section class="today">
      <h3>${t("today")}</h3>
      <dl>
        <dt>${t("sitting_today")}</dt>
        <dd class="sitting">${today.sitting}</dd>
        ${
          today.longest !== undefined
            ? html`<dt>${t("longest_stretch")}</dt>
                <dd class="longest">${today.longest}</dd>`
            : nothing
        }
        ${
          today.standing !== undefined
            ? html`<dt>${t("standing_today")}</dt>
                <dd class="standing">${today.standing}</dd>`
            : nothing
        }
      </dl>
      <div class="breaks" role="group" aria-label=${t("breaks")}>
        ${(["taken", "skipped", "missed"] as const).map(
          (kind) =>
            html`<div class="counter ${kind}">
              <span class="number">${today.breaks[kind]}</span>
              <span class="what">${t(`breaks_${kind}`)}</span>
            </div>`,
        )}
      </div>
      ${
        today.compliance !== undefined || today.proven !== undefined
          ? html`<dl>
              ${
                today.compliance !== undefined
                  ? html`<dt>${t("compliance")}</dt>
                      <dd class="compliance">${today.compliance}</dd>`
                  : nothing
              }
              ${
                today.proven !== undefined
                  ? html`<dt>${t("proven")}</dt>
                      <dd class="proven">${today.proven}</dd>`
                  : nothing
              }
            </dl>`
          : nothing
      }
    </section>`;
  }

  private _button(
    action: string,
    icon: string,
    label: StringKey,
    t: Localize,
    run: () => unknown,
    options: ButtonOptions = {},
  ): TemplateResult {
    return html`<button
      class=${options.danger ? "danger" : ""}
      data-action=${action}
      aria-label=${t(options.ariaLabel ?? (`${label}_label` as StringKey))}
      ?disabled=${options.disabled || (this._busy !== undefined && !options.danger)}
      @click=${run}
    >
      <ha-icon icon=${icon} aria-hidden="true"></ha-icon>${t(label)}
    </button>`;
  }

  /** The card's texts, buttons and actions, for the parts drawn in routine-view.ts. */
  private _controls(t: Localize): Controls {
    return {
      t,
      button: (action, icon, label, run, options) =>
        this._button(action, icon, label, t, run, options),
      call: (service, data) => this._call(service, data),
    };
  }

  /** A routine's button: its preview first when the integration sends one, else start. */
  private _routineButton(
    desk: Desk,
    action: string,
    icon: string,
    label: "stretch" | "strengthen",
    routine: string,
    t: Localize,
  ): TemplateResult {
    const hass = this.hass!;
    const previewed = previewView(hass, desk, routine, t) !== undefined;
    const open = (): unknown =>
      previewed ? (this._preview = routine) : this._call("start_routine", { routine });
    return this._button(action, icon, label, t, open, {
      disabled: routineBusy(hass, desk),
      ...(previewed ? { ariaLabel: `${label}_preview_label` as const } : {}),
    });
  }

  private _renderButtons(desk: Desk, brk: BreakView, t: Localize): TemplateResult {
    const notSitting = { disabled: !brk.sitting }; // the desk refuses both then
    return html`<section class="buttons actions">
      ${this._button(
        "take_break",
        "mdi:coffee-outline",
        "take_break",
        t,
        () => this._call("take_break"),
        notSitting,
      )}
      ${this._button("snooze", "mdi:alarm-snooze", "snooze", t, () => this._call("snooze"), notSitting)}
      ${
        brk.due
          ? this._button("skip_break", "mdi:skip-next-circle-outline", "skip", t, () =>
              this._call("skip_break"),
            )
          : nothing
      }
      ${this._routineButton(desk, "stretching", "mdi:human-handsup", "stretch", "stretching", t)}
      ${this._routineButton(
        desk,
        "strengthening",
        "mdi:arm-flex-outline",
        "strengthen",
        strengthRoutine(this.hass!, desk),
        t,
      )}
    </section>`;
  }

  /** A pause of the reminders: until when, and Reminders on; else Quiet until tomorrow. */
  private _renderPause(desk: Desk, now: number, t: Localize): TemplateResult {
    const paused = pausedText(this.hass!, desk, now, languageOf(this.hass), t);
    return html`<section class="pause-row">
      ${paused ? html`<span class="paused">${paused}</span>` : nothing}
      ${
        paused
          ? this._button("resume_reminders", "mdi:bell-ring-outline", "resume_reminders", t, () =>
              this._call("resume_reminders"),
            )
          : this._button("pause_reminders", "mdi:bell-sleep-outline", "pause_reminders", t, () =>
              this._call("pause_reminders", { until_active_hours: true }),
            )
      }
    </section>`;
  }

  /** The advice after a pain stop, unless it was hidden here. */
  private _advice(desk: Desk, now: number): AdviceView | undefined {
    const advice = adviceView(this.hass!, desk, now);
    const entityId = desk.entities.routine;
    if (!advice || !entityId) return undefined;
    const hidden = this._dismissed === advice.id || storedDismissal(entityId) === advice.id;
    return hidden ? undefined : advice;
  }

  private _renderAdvice(desk: Desk, advice: AdviceView, t: Localize): TemplateResult {
    const dismiss = (): void => {
      this._dismissed = advice.id;
      storeDismissal(desk.entities.routine!, advice.id);
    };
    return html`<section class="advice" role="alert">
      <div class="advice-head">
        <span class="advice-title">${t("advice_title")}</span>
        <button
          class="dismiss"
          data-action="dismiss_advice"
          aria-label=${t("dismiss_label")}
          @click=${dismiss}
        >
          ✕
        </button>
      </div>
      <div class="advice-text">${advice.text}</div>
    </section>`;
  }

  private _series(desk: Desk, name: "sitting_today" | "standing_today"): Series | undefined {
    const entityId = desk.entities[name];
    if (!entityId) return undefined;
    const state = this.hass!.states[entityId];
    return {
      rows: this._week?.[entityId],
      today: state && durationMinutes(state.state, state.attributes.unit_of_measurement),
    };
  }

  private _renderWeek(desk: Desk, t: Localize): TemplateResult {
    const hass = this.hass!;
    const sitting = this._series(desk, "sitting_today") ?? { rows: [], today: undefined };
    const standing = this._series(desk, "standing_today");
    const bars = weekBars(sitting, standing, this._now, hass.config.time_zone, languageOf(hass), t);
    // the note only when a bar lacks its statistics: nothing at all, or today alone
    const past = [sitting, standing].some((series) => (series?.rows ?? []).length > 0);
    const todayShown = bars.some((day) => day.today && (day.sitting.minutes ?? 0) > 0);
    const note =
      this._week === undefined || past ? undefined : todayShown ? "week_today_only" : "week_empty";
    const column = (bar: { fraction: number }, kind: string): TemplateResult =>
      html`<div class="bar ${kind}" style=${styleMap({ height: `${bar.fraction * 100}%` })}></div>`;
    return html`<section class="week">
      <h3>${t(standing ? "week_standing" : "week")}</h3>
      <div class="bars" role="list">
        ${bars.map(
          (day) =>
            html`<div
              class="day ${day.today ? "today" : ""}"
              role="listitem"
              aria-label=${day.description}
              title=${day.description}
            >
              <span class="value" aria-hidden="true">${day.sitting.value}</span>
              <div class="track" aria-hidden="true">
                ${column(day.sitting, "sitting")}
                ${day.standing ? column(day.standing, "standing") : nothing}
              </div>
              <span class="label" aria-hidden="true">${day.label}</span>
            </div>`,
        )}
      </div>
      ${
        standing
          ? html`<div class="legend" aria-hidden="true">
              <span><i class="sitting"></i>${t("legend_sitting")}</span>
              <span><i class="standing"></i>${t("legend_standing")}</span>
            </div>`
          : nothing
      }
      ${note ? html`<div class="note">${t(note)}</div>` : nothing}
    </section>`;
  }
}

defineElement(CARD_TYPE, DeskCoachCard);

interface CustomCardEntry {
  type: string;
  name: string;
  description: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
  interface HTMLElementTagNameMap {
    "desk-coach-card": DeskCoachCard;
  }
}

window.customCards = window.customCards ?? [];
if (!window.customCards.some((card) => card.type === CARD_TYPE)) {
  const t = localizer(navigator.language ?? "en");
  window.customCards.push({
    type: CARD_TYPE,
    name: t("card_name"),
    description: t("card_description"),
    preview: true,
    documentationURL: "https://github.com/desk-coach/desk-coach#the-dashboard-card",
  });
}
