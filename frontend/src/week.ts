// The week view: sitting per day for the last 7 days. Past days come from Home Assistant's
// long-term statistics of the sitting-today sensor (a total_increasing sensor that resets
// at midnight, so a day's sitting is the statistic's "change" over that day); today comes
// from the sensor itself, since statistics are compiled only at the end of each hour.
import type { Localize } from "./strings";
import { formatMinutes } from "./time";

const DAY = 86_400_000;
export const DAYS = 7;

export interface StatisticRow {
  start: number;
  end?: number;
  change?: number | null;
}

export type StatisticsResult = Record<string, StatisticRow[] | undefined>;

/** The websocket message asking for daily totals (sitting, standing) over the last days. */
export function statisticsRequest(statisticIds: string[], now: number): Record<string, unknown> {
  return {
    type: "recorder/statistics_during_period",
    // a day more than needed: days are cut at the server's midnight, not ours
    start_time: new Date(now - (DAYS + 1) * DAY).toISOString(),
    statistic_ids: statisticIds,
    period: "day",
    types: ["change"],
    units: { duration: "min" },
  };
}

/** The calendar day ("2026-03-10") a moment falls on in the given time zone. */
export function dayKey(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(ms));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The calendar day `days` after (or before) `key`; calendar arithmetic, no time zones. */
export function shiftDay(key: string, days: number): string {
  const [year, month, day] = key.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function weekday(key: string, language: string, width: "short" | "long"): string {
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: "UTC" }).format(
    new Date(`${key}T12:00:00Z`),
  );
}

export interface Bar {
  minutes: number | undefined;
  /** 0–1 of the tallest bar of the week. */
  fraction: number;
  /** The bar's short label ("45 min", "3.2 h"). */
  value: string;
}

export interface DayBars {
  day: string;
  label: string;
  today: boolean;
  sitting: Bar;
  /** Only for a desk with a standing input. */
  standing: Bar | undefined;
  /** What a screen reader says: "Tuesday: 3 h 10 min". */
  description: string;
}

/** A daily total: past days from the statistics, today from the sensor. */
export interface Series {
  rows: StatisticRow[] | undefined;
  today: number | undefined;
}

function perDay(
  series: Series,
  days: string[],
  today: string,
  timeZone: string,
): (number | undefined)[] {
  const byDay = new Map<string, number>();
  for (const row of series.rows ?? []) {
    if (typeof row.change === "number") byDay.set(dayKey(row.start, timeZone), row.change);
  }
  return days.map((day) => (day === today ? series.today : byDay.get(day)));
}

/** The last 7 days, oldest first, today last; sitting and standing on one scale. */
export function weekBars(
  sitting: Series,
  standing: Series | undefined,
  now: number,
  timeZone: string,
  language: string,
  t: Localize,
): DayBars[] {
  const today = dayKey(now, timeZone);
  const days = Array.from({ length: DAYS }, (_, i) => shiftDay(today, i - (DAYS - 1)));
  const sat = perDay(sitting, days, today, timeZone);
  const stood = standing && perDay(standing, days, today, timeZone);
  const tallest = Math.max(1, ...[...sat, ...(stood ?? [])].map((m) => m ?? 0));
  const bar = (minutes: number | undefined): Bar => ({
    minutes,
    fraction: Math.max(0, minutes ?? 0) / tallest,
    value: shortValue(minutes, language),
  });
  const spoken = (minutes: number | undefined): string =>
    minutes === undefined ? "–" : formatMinutes(minutes, t);
  return days.map((day, i) => {
    const name = weekday(day, language, "long");
    return {
      day,
      label: weekday(day, language, "short"),
      today: day === today,
      sitting: bar(sat[i]),
      standing: stood && bar(stood[i]),
      description: stood
        ? t("day_value_standing", { day: name, value: spoken(sat[i]), standing: spoken(stood[i]) })
        : t("day_value", { day: name, value: spoken(sat[i]) }),
    };
  });
}

/** A bar's short label: "45 min", then "3.2 h" (or "3,2 h") from an hour on. */
export function shortValue(minutes: number | undefined, language: string): string {
  if (minutes === undefined) return "";
  if (minutes < 60) return `${Math.floor(Math.max(0, minutes))} min`;
  const hours = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(minutes / 60);
  return `${hours} h`;
}
