// Pure time helpers: countdowns, the ring's fill and duration texts.
import type { Localize } from "./strings";

const MINUTE = 60_000;

/** A timestamp state or attribute in milliseconds; undefined for unknown/unavailable. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A numeric state; undefined for unknown/unavailable or anything not a number. */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * Whole minutes still to go, to the nearest minute (a half minute rounds up): the one
 * countdown rule, shared with Home Assistant's relative times and the voice answers
 * (frontend/test/countdown-cases.json).
 */
export function minutesUntil(target: number, now: number): number {
  return Math.max(0, Math.floor((target - now) / MINUTE + 0.5));
}

/**
 * Completed minutes since `start`: a time sat is counted as the sensors and the voice
 * answers count it ("Sitting for 14 min" beside today's 14 min), countdowns are rounded.
 */
export function minutesSince(start: number, now: number): number {
  return Math.max(0, Math.floor((now - start) / MINUTE));
}

/** Whole seconds still to go, rounded up. */
export function secondsUntil(target: number, now: number): number {
  return Math.max(0, Math.ceil((target - now) / 1000));
}

/**
 * How far the ring is filled (0–1): the part of the break interval already sat.
 * A snooze longer than the interval shows an empty ring, a due break a full one.
 */
export function ringFraction(
  nextBreak: number | undefined,
  now: number,
  intervalMinutes: number | undefined,
): number {
  if (nextBreak === undefined) return 0;
  if (nextBreak <= now) return 1;
  if (!intervalMinutes || intervalMinutes <= 0) return 0;
  const left = (nextBreak - now) / (intervalMinutes * MINUTE);
  return Math.min(1, Math.max(0, 1 - left));
}

/** "45 min", "3 h 10 min" (and their German forms); minutes are rounded down. */
export function formatMinutes(minutes: number, t: Localize): string {
  const whole = Math.max(0, Math.floor(minutes));
  if (whole < 60) return t("minutes", { m: whole });
  return t("hours_minutes", { h: Math.floor(whole / 60), m: whole % 60 });
}

/** The countdown to the next break: "12 min", "1 h 5 min", "< 1 min" (under half a minute). */
export function formatCountdown(target: number, now: number, t: Localize): string {
  const minutes = minutesUntil(target, now);
  if (minutes === 0 && target > now) return t("less_than_a_minute");
  return formatMinutes(minutes, t);
}

/** A hold or rest countdown: "0:23", "1:05". */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

const DURATION_TO_MINUTES: Record<string, number> = {
  ms: 1 / MINUTE,
  s: 1 / 60,
  min: 1,
  h: 60,
  d: 1440,
};

/** A duration state in minutes, whatever display unit the user chose for the sensor. */
export function durationMinutes(value: unknown, unit: unknown): number | undefined {
  const number = parseNumber(value);
  if (number === undefined) return undefined;
  const factor = typeof unit === "string" ? DURATION_TO_MINUTES[unit] : undefined;
  return number * (factor ?? 1);
}
