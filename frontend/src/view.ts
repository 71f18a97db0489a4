// What the card shows, worked out from Home Assistant's states without any DOM: the ring,
// today's totals and the running routine. The card only lays these out.
import type { Desk, DeskEntity } from "./desk";
import type { Localize, StringKey } from "./strings";
import {
  durationMinutes,
  formatClock,
  formatCountdown,
  formatMinutes,
  minutesSince,
  parseNumber,
  parseTimestamp,
  ringFraction,
  secondsUntil,
} from "./time";
import type { HassEntity, HomeAssistant } from "./types";
import { dayKey } from "./week";

const STATUSES = ["sitting", "due", "snoozed", "standing", "away", "quiet", "routine"];
const ROUTINE_ACTIVE = ["running", "paused"];

export function stateOf(hass: HomeAssistant, desk: Desk, name: DeskEntity): HassEntity | undefined {
  const entityId = desk.entities[name];
  return entityId ? hass.states[entityId] : undefined;
}

function isAvailable(state: HassEntity | undefined): state is HassEntity {
  return !!state && state.state !== "unavailable" && state.state !== "unknown";
}

export interface BreakView {
  status: string;
  /** The break status in words. */
  statusText: string;
  /** "Next break in 12 min" while counting down, else the status in words. */
  headline: string;
  /** What the ring's middle says: the time left, or nothing. */
  center: string;
  /** 0–1: how far the ring is filled. */
  fraction: number;
  due: boolean;
  /** Someone sits and the next break is known: take break and snooze make sense. */
  sitting: boolean;
  /** "Sitting for 14 min" while a stretch goes on, else empty. */
  stretch: string;
}

/** Minutes of the current stretch (from its start, counted here), or undefined. */
export function stretchMinutes(hass: HomeAssistant, desk: Desk, now: number): number | undefined {
  const since = parseTimestamp(stateOf(hass, desk, "sitting_since")?.state);
  return since === undefined ? undefined : minutesSince(since, now);
}

function stretchText(minutes: number | undefined, t: Localize): string {
  if (minutes === undefined) return "";
  return t("sitting_for", {
    time: minutes === 0 ? t("less_than_a_minute") : formatMinutes(minutes, t),
  });
}

export function breakView(hass: HomeAssistant, desk: Desk, now: number, t: Localize): BreakView {
  const status = stateOf(hass, desk, "break_status")?.state ?? "unknown";
  const statusText = t(
    (STATUSES.includes(status) ? `status_${status}` : "status_unknown") as StringKey,
  );
  const nextBreak = parseTimestamp(stateOf(hass, desk, "next_break")?.state);
  const interval = parseNumber(stateOf(hass, desk, "break_interval")?.state);
  // a routine is the break: neither "Time for a break" nor a countdown beside it
  const routine = status === "routine";
  const due = !routine && (status === "due" || (nextBreak !== undefined && nextBreak <= now));
  const counting = !routine && nextBreak !== undefined && !due;
  return {
    status,
    statusText,
    headline: routine
      ? t("routine_is_the_break")
      : due
        ? t("break_due_now")
        : counting
          ? t("next_break_in", { time: formatCountdown(nextBreak, now, t) })
          : statusText,
    center: counting ? formatCountdown(nextBreak, now, t) : "",
    fraction: ringFraction(nextBreak, now, interval),
    due,
    sitting: nextBreak !== undefined,
    stretch: stretchText(stretchMinutes(hass, desk, now), t),
  };
}

/**
 * "Reminders paused until 09:00" (a later day: "until Mon 09:00") while the desk's reminders
 * are paused (the break status's ``paused_until``), else undefined.
 */
export function pausedText(
  hass: HomeAssistant,
  desk: Desk,
  now: number,
  language: string,
  t: Localize,
): string | undefined {
  const until = parseTimestamp(stateOf(hass, desk, "break_status")?.attributes.paused_until);
  if (until === undefined || until <= now) return undefined;
  // in Home Assistant's time zone, where the desk's active hours are
  const timeZone = hass.config.time_zone;
  const sameDay = dayKey(until, timeZone) === dayKey(now, timeZone);
  const time = new Intl.DateTimeFormat(language, {
    ...(sameDay ? {} : { weekday: "short" }),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(until);
  return t("paused_until", { time });
}

/**
 * Whether something on the card changes by the second: the next break, a routine, or the
 * advice after a pain stop (it goes at its second).
 */
export function countsDown(hass: HomeAssistant, desk: Desk, now: number): boolean {
  const nextBreak = parseTimestamp(stateOf(hass, desk, "next_break")?.state);
  const routine = stateOf(hass, desk, "routine")?.state ?? "";
  return (
    (nextBreak !== undefined && nextBreak > now) ||
    ROUTINE_ACTIVE.includes(routine) ||
    adviceView(hass, desk, now) !== undefined
  );
}

export interface TodayView {
  sitting: string;
  /** Undefined when the sensor is disabled (it is by default) or unavailable. */
  longest: string | undefined;
  /** Undefined when the desk has no standing input. */
  standing: string | undefined;
  /** Today's break counts, "–" while unknown. */
  breaks: { taken: string; skipped: string; missed: string };
  /** Undefined while no break was due today. */
  compliance: string | undefined;
  /** "2: 1 walked, 1 moved, 0 stood"; undefined without the sensor (older versions). */
  proven: string | undefined;
}

function provenText(state: HassEntity | undefined, t: Localize): string | undefined {
  const count = isAvailable(state) ? parseNumber(state.state) : undefined;
  if (state === undefined || count === undefined) return undefined;
  if (count === 0) return "0"; // no split to tell yet
  const of = (grade: string): number => parseNumber(state.attributes[grade]) ?? 0;
  return t("proven_split", {
    n: count,
    walked: of("walked"),
    moved: of("moved"),
    stood: of("stood"),
  });
}

function minutesText(state: HassEntity | undefined, t: Localize): string | undefined {
  if (!isAvailable(state)) return undefined;
  const minutes = durationMinutes(state.state, state.attributes.unit_of_measurement);
  return minutes === undefined ? undefined : formatMinutes(minutes, t);
}

function percentText(state: HassEntity | undefined, language: string): string | undefined {
  const value = isAvailable(state) ? parseNumber(state.state) : undefined;
  return value === undefined
    ? undefined
    : new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(
        value / 100,
      );
}

export function todayView(
  hass: HomeAssistant,
  desk: Desk,
  language: string,
  t: Localize,
): TodayView {
  const count = (name: DeskEntity): string => {
    const value = parseNumber(stateOf(hass, desk, name)?.state);
    return value === undefined ? "–" : String(value);
  };
  return {
    sitting: minutesText(stateOf(hass, desk, "sitting_today"), t) ?? "–",
    longest: minutesText(stateOf(hass, desk, "longest_stretch"), t),
    standing: minutesText(stateOf(hass, desk, "standing_today"), t),
    compliance: percentText(stateOf(hass, desk, "compliance"), language),
    proven: provenText(stateOf(hass, desk, "breaks_proven"), t),
    breaks: {
      taken: count("breaks_taken"),
      skipped: count("breaks_skipped"),
      missed: count("breaks_missed"),
    },
  };
}

export interface RoutineView {
  paused: boolean;
  routineName: string;
  /** "Step 3 of 12". */
  progress: string;
  rest: boolean;
  exerciseName: string;
  side: string;
  /** "Set 1 of 2", empty for a single set. */
  set: string;
  /** "10 reps", "Hold" or "Rest". */
  task: string;
  /** The step's words are being said: the hold or rest has not begun. */
  listening: boolean;
  /** The hold or rest countdown ("0:23"), empty for repetitions and while listening. */
  countdown: string;
  cues: string[];
  /** Where a stretch should be felt, empty for other exercises. */
  felt: string;
  safety: string;
  /** The exercise's picture; undefined from older versions of the integration. */
  picture: Picture | undefined;
}

/** An exercise picture: its URL and what it shows. */
export interface Picture {
  src: string;
  alt: string;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The picture named by ``picture`` and ``picture_alt``, or undefined without one. */
export function pictureOf(attributes: Record<string, unknown>): Picture | undefined {
  const src = text(attributes.picture);
  return src ? { src, alt: text(attributes.picture_alt) } : undefined;
}

/** The running routine's step, or undefined while none runs. */
export function routineView(
  hass: HomeAssistant,
  desk: Desk,
  now: number,
  t: Localize,
): RoutineView | undefined {
  const state = stateOf(hass, desk, "routine");
  if (!state || !ROUTINE_ACTIVE.includes(state.state)) return undefined;
  const a = state.attributes;
  const paused = state.state === "paused";
  const rest = a.step_kind === "rest";
  const hold = parseNumber(a.hold);
  const reps = parseNumber(a.reps);
  const sets = parseNumber(a.total_sets) ?? 1;
  const side = parseNumber(a.side);
  // listening until phase_ends_at: the card moves on by itself, not waiting for the update
  const phaseEnds = parseTimestamp(a.phase_ends_at);
  const listening = a.phase === "listen" && (paused || phaseEnds === undefined || now < phaseEnds);
  let countdown = "";
  if ((rest || hold) && !listening) {
    const endsAt = parseTimestamp(a.step_ends_at);
    const left = paused
      ? parseNumber(a.remaining_seconds)
      : endsAt === undefined
        ? undefined
        : secondsUntil(endsAt, now);
    // a browser clock a little behind the server's must not show "0:31" for a 30 s hold
    if (left !== undefined) countdown = formatClock(hold && !rest ? Math.min(left, hold) : left);
  }
  const index = parseNumber(a.step_index);
  const total = parseNumber(a.steps_total);
  return {
    paused,
    routineName: text(a.routine_name) || text(a.routine),
    progress: index && total ? t("step_of", { index, total }) : "",
    rest,
    exerciseName: text(a.exercise_name) || text(a.exercise),
    side: side === 1 || side === 2 ? t(side === 1 ? "side_1" : "side_2") : "",
    set: sets > 1 ? t("set_of", { set: text(a.set), sets }) : "",
    task: rest ? t("rest") : hold ? t("hold") : reps ? t("reps", { reps }) : "",
    listening,
    countdown,
    cues: Array.isArray(a.cues) ? a.cues.map(text).filter(Boolean) : [],
    felt: text(a.felt),
    safety: text(a.safety),
    picture: pictureOf(a),
  };
}

/** While a strength session asks about pain before it starts: its name; else undefined. */
export function checkingView(hass: HomeAssistant, desk: Desk): { routineName: string } | undefined {
  const state = stateOf(hass, desk, "routine");
  if (state?.state !== "checking") return undefined;
  return { routineName: text(state.attributes.routine_name) || text(state.attributes.routine) };
}

/** Whether a routine runs, pauses or is about to start: one at a time. */
export function routineBusy(hass: HomeAssistant, desk: Desk): boolean {
  const routine = stateOf(hass, desk, "routine")?.state ?? "";
  return ROUTINE_ACTIVE.includes(routine) || routine === "checking";
}

/** "2 × 12" for repetitions, "1 × 30 s" for holds. */
export function doseText(
  sets: unknown,
  reps: unknown,
  hold: unknown,
  t: Localize,
  sides: unknown = 1,
): string {
  const count = parseNumber(sets) ?? 1;
  const repetitions = parseNumber(reps);
  const seconds = parseNumber(hold);
  let dose = "";
  if (repetitions) dose = t("dose_reps", { sets: count, reps: repetitions });
  else if (seconds) dose = t("dose_hold", { sets: count, hold: seconds });
  return dose && parseNumber(sides) === 2 ? t("dose_each_side", { dose }) : dose;
}

export interface PreviewExercise {
  name: string;
  /** "2 × 12", "1 × 30 s" or "1 × 30 s each side". */
  dose: string;
  picture: Picture | undefined;
}

export interface PreviewView {
  /** The routine's id, as start_routine takes it. */
  routine: string;
  name: string;
  exercises: PreviewExercise[];
}

/** A built-in routine's exercises as it would run now (the idle routine sensor's previews). */
export function previewView(
  hass: HomeAssistant,
  desk: Desk,
  routine: string,
  t: Localize,
): PreviewView | undefined {
  const previews = record(stateOf(hass, desk, "routine")?.attributes.previews);
  const preview = record(previews?.[routine]);
  if (!preview || !Array.isArray(preview.exercises)) return undefined;
  const exercises = preview.exercises.flatMap((item: unknown): PreviewExercise[] => {
    const exercise = record(item);
    if (!exercise) return [];
    return [
      {
        name: text(exercise.name) || text(exercise.exercise),
        dose: doseText(exercise.sets, exercise.reps, exercise.hold, t, exercise.sides),
        picture: pictureOf(exercise),
      },
    ];
  });
  return { routine, name: text(preview.name) || routine, exercises };
}

/** The strength routine the plan means now: next_strength_session's, else strengthening. */
export function strengthRoutine(hass: HomeAssistant, desk: Desk): string {
  return text(stateOf(hass, desk, "next_strength_session")?.attributes.routine) || "strengthening";
}

/** The built-in programme's number of levels. */
export const LEVELS = 5;

/**
 * "Strength level 3 of 5: 2 × 12" (", slower" on the slower levels), "Strength programme
 * paused" while the programme is off; undefined without the level sensor (older versions).
 */
export function levelText(hass: HomeAssistant, desk: Desk, t: Localize): string | undefined {
  const state = stateOf(hass, desk, "strength_level");
  if (!state) return undefined;
  const a = state.attributes;
  const programme = stateOf(hass, desk, "strength_programme")?.state;
  const on = typeof a.programme_on === "boolean" ? a.programme_on : programme !== "off";
  if (!on) return t("programme_paused");
  const level = isAvailable(state) ? parseNumber(state.state) : undefined;
  const dose = doseText(a.sets, a.reps, undefined, t);
  if (level === undefined || !dose) return undefined;
  return t("level_line", {
    level,
    levels: Math.max(LEVELS, level),
    dose: (parseNumber(a.slower) ?? 0) > 0 ? t("level_slower", { dose }) : dose,
  });
}

/**
 * The last strength session, while it may still be rated and no routine runs: its routine
 * id and name (from the previews, else empty); else undefined.
 */
export function ratingView(
  hass: HomeAssistant,
  desk: Desk,
  t: Localize,
): { routine: string; name: string } | undefined {
  const routine = text(stateOf(hass, desk, "strength_level")?.attributes.unrated);
  if (!routine || routineBusy(hass, desk)) return undefined;
  return { routine, name: previewView(hass, desk, routine, t)?.name ?? "" };
}

export interface AdviceView {
  /** The advice in the words that were said (Home Assistant's language). */
  text: string;
  /** The advice_until attribute as sent: tells one pain stop's advice from the next. */
  id: string;
}

/** What to say after a pain stop, while the routine sensor offers it; else undefined. */
export function adviceView(hass: HomeAssistant, desk: Desk, now: number): AdviceView | undefined {
  const state = stateOf(hass, desk, "routine");
  if (!state || ROUTINE_ACTIVE.includes(state.state)) return undefined;
  const advice = text(state.attributes.advice);
  const until = parseTimestamp(state.attributes.advice_until);
  if (!advice || until === undefined || until <= now) return undefined;
  return { text: advice, id: String(state.attributes.advice_until) };
}
