import { describe, expect, it } from "vitest";

import { localizer } from "../src/strings";
import { dayKey, shiftDay, shortValue, statisticsRequest, weekBars } from "../src/week";
import { NOW } from "./fixtures";

const TZ = "America/Los_Angeles";
const t = localizer("en");
// midnight in Los Angeles: UTC-8, and UTC-7 from the clock change on 8 March 2026
const midnight = (day: string): number =>
  Date.parse(`${day}T00:00:00${day >= "2026-03-09" ? "-07:00" : "-08:00"}`);

describe("the statistics request", () => {
  it("asks for each day's change of the sitting-today total, in minutes", () => {
    expect(statisticsRequest(["sensor.office_desk_sitting_today"], NOW)).toEqual({
      type: "recorder/statistics_during_period",
      start_time: "2026-03-02T16:00:00.000Z",
      statistic_ids: ["sensor.office_desk_sitting_today"],
      period: "day",
      types: ["change"],
      units: { duration: "min" },
    });
  });
});

describe("days", () => {
  it("are the server's calendar days", () => {
    expect(dayKey(NOW, TZ)).toBe("2026-03-10");
    expect(dayKey(Date.parse("2026-03-10T06:59:00Z"), TZ)).toBe("2026-03-09");
    expect(dayKey(Date.parse("2026-03-10T06:59:00Z"), "Europe/Berlin")).toBe("2026-03-10");
  });

  it("count back over month ends and clock changes", () => {
    expect(shiftDay("2026-03-10", -6)).toBe("2026-03-04");
    expect(shiftDay("2026-03-02", -2)).toBe("2026-02-28");
    expect(shiftDay("2026-03-08", 1)).toBe("2026-03-09");
  });
});

describe("the week's bars", () => {
  const rows = [
    { start: midnight("2026-03-03"), change: 999 }, // a day too early: left out
    { start: midnight("2026-03-04"), change: 240 },
    { start: midnight("2026-03-05"), change: 120 },
    { start: midnight("2026-03-07"), change: null },
    { start: midnight("2026-03-08"), change: undefined }, // the 23-hour day
    { start: midnight("2026-03-09"), change: 480 },
  ];

  it("show the last 7 days, today from the sensor, and scale to the longest", () => {
    const bars = weekBars({ rows, today: 45 }, undefined, NOW, TZ, "en", t);
    expect(bars.map((b) => b.day)).toEqual([
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
      "2026-03-10",
    ]);
    expect(bars.map((b) => b.sitting.minutes)).toEqual([
      240,
      120,
      undefined,
      undefined,
      undefined,
      480,
      45,
    ]);
    expect(bars.map((b) => b.sitting.fraction)).toEqual([0.5, 0.25, 0, 0, 0, 1, 45 / 480]);
    expect(bars.map((b) => b.label)).toEqual(["Wed", "Thu", "Fri", "Sat", "Sun", "Mon", "Tue"]);
    expect(bars[6]).toMatchObject({ today: true, description: "Tuesday: 45 min" });
    expect(bars[6]!.sitting.value).toBe("45 min");
    expect(bars[6]!.standing).toBeUndefined();
    expect(bars[0]).toMatchObject({ description: "Wednesday: 4 h 0 min" });
    expect(bars[0]!.sitting.value).toBe("4 h");
    expect(bars[2]!.description).toBe("Friday: –");
  });

  it("put standing beside sitting, on the same scale", () => {
    const standing = { rows: [{ start: midnight("2026-03-09"), change: 960 }], today: 30 };
    const bars = weekBars({ rows, today: 45 }, standing, NOW, TZ, "en", t);
    expect(bars[5]!.sitting.fraction).toBe(0.5);
    expect(bars[5]!.standing).toMatchObject({ minutes: 960, fraction: 1, value: "16 h" });
    expect(bars[6]!.description).toBe("Tuesday: 45 min sitting, 30 min standing");
  });

  it("say the days in German for German users", () => {
    const bars = weekBars({ rows: [], today: 90 }, undefined, NOW, TZ, "de", localizer("de"));
    expect(bars[6]).toMatchObject({ label: "Di", description: "Dienstag: 1 h 30 min" });
    expect(bars[6]!.sitting.value).toBe("1,5 h");
  });

  it("stay flat without any history", () => {
    const bars = weekBars({ rows: undefined, today: undefined }, undefined, NOW, TZ, "en", t);
    expect(bars.every((b) => b.sitting.fraction === 0)).toBe(true);
  });

  it("have short labels", () => {
    expect(shortValue(undefined, "en")).toBe("");
    expect(shortValue(59.5, "en")).toBe("59 min");
    expect(shortValue(195, "en")).toBe("3.3 h");
  });
});
