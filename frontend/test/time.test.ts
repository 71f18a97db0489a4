import { describe, expect, it } from "vitest";

import { localizer } from "../src/strings";
import {
  durationMinutes,
  formatClock,
  formatCountdown,
  formatMinutes,
  minutesUntil,
  parseNumber,
  parseTimestamp,
  ringFraction,
} from "../src/time";

import cases from "./countdown-cases.json";

const en = localizer("en");
const de = localizer("de-DE");
const MIN = 60_000;

describe("countdowns", () => {
  it("rounds the minutes left to the nearest minute, as Home Assistant does", () => {
    expect(minutesUntil(12 * MIN, 0)).toBe(12);
    expect(minutesUntil(12 * MIN, 1)).toBe(12);
    expect(minutesUntil(12 * MIN, 30_001)).toBe(11);
    expect(minutesUntil(12 * MIN, 30_000)).toBe(12); // a half minute rounds up
    expect(minutesUntil(0, MIN)).toBe(0);
  });

  it("follows the shared table of cases the voice answers follow too", () => {
    for (const c of cases.cases) {
      expect(minutesUntil(c.seconds * 1000, 0)).toBe(c.minutes);
      expect(formatCountdown(c.seconds * 1000, 0, en)).toBe(c.card);
    }
  });

  it("says less than a minute in the last half minute", () => {
    expect(formatCountdown(12 * MIN, 0, en)).toBe("12 min");
    expect(formatCountdown(29_000, 0, en)).toBe("< 1 min");
    expect(formatCountdown(65 * MIN, 0, en)).toBe("1 h 5 min");
    expect(formatCountdown(0, MIN, en)).toBe("0 min");
  });

  it("shows holds as minutes and seconds", () => {
    expect(formatClock(25)).toBe("0:25");
    expect(formatClock(65)).toBe("1:05");
    expect(formatClock(0.2)).toBe("0:01");
    expect(formatClock(-3)).toBe("0:00");
  });
});

describe("the ring", () => {
  it("fills with the part of the interval already sat", () => {
    expect(ringFraction(12 * MIN, 0, 30)).toBeCloseTo(0.6);
    expect(ringFraction(30 * MIN, 0, 30)).toBe(0);
  });

  it("is full when the break is due and empty without a countdown", () => {
    expect(ringFraction(0, MIN, 30)).toBe(1);
    expect(ringFraction(undefined, 0, 30)).toBe(0);
    expect(ringFraction(45 * MIN, 0, 30)).toBe(0); // snoozed past the interval
    expect(ringFraction(10 * MIN, 0, undefined)).toBe(0);
  });
});

describe("durations", () => {
  it("are written in hours and minutes, in English and German", () => {
    expect(formatMinutes(0, en)).toBe("0 min");
    expect(formatMinutes(59.9, en)).toBe("59 min");
    expect(formatMinutes(190, en)).toBe("3 h 10 min");
    expect(formatMinutes(190, de)).toBe("3 h 10 min");
  });

  it("are read in minutes whatever unit the sensor is shown in", () => {
    expect(durationMinutes("190", "min")).toBe(190);
    expect(durationMinutes("1.5", "h")).toBe(90);
    expect(durationMinutes("120", "s")).toBe(2);
    expect(durationMinutes("unavailable", "min")).toBeUndefined();
  });

  it("ignore states that are not numbers or timestamps", () => {
    expect(parseNumber("unknown")).toBeUndefined();
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber(3)).toBe(3);
    expect(parseTimestamp("unknown")).toBeUndefined();
    expect(parseTimestamp(null)).toBeUndefined();
    expect(parseTimestamp("2026-03-10T16:00:00+00:00")).toBe(Date.parse("2026-03-10T16:00:00Z"));
  });
});

describe("texts", () => {
  it("are German for German users and English for everyone else", () => {
    expect(localizer("de")("take_break")).toBe("Pause gemacht");
    expect(localizer("de-CH")("take_break")).toBe("Pause gemacht");
    expect(localizer("fr")("take_break")).toBe("Break done");
    expect(en("next_break_in", { time: "12 min" })).toBe("Next break in 12 min");
    expect(de("next_break_in", { time: "12 min" })).toBe("Nächste Pause in 12 min");
  });
});
