// Every text the card shows, in English and German; picked from the user's language.
import type { HomeAssistant } from "./types";

const en = {
  card_name: "Desk Coach",
  card_description: "Sitting time, the next break and routines of a Desk Coach desk.",
  no_desk: "Pick a desk in the card's editor.",
  desk_not_found: "This desk no longer exists. Pick another one in the card's editor.",
  // break status (sensor.<desk>_break_status)
  status_sitting: "Sitting",
  status_due: "Break due",
  status_snoozed: "Snoozed",
  status_standing: "Standing",
  status_away: "Away",
  status_quiet: "Quiet time",
  status_routine: "Routine running",
  status_unknown: "Unknown",
  next_break_in: "Next break in {time}",
  break_due_now: "Time for a break",
  ring_label: "{done} % of the way to the next break",
  sitting_for: "Sitting for {time}",
  // durations
  minutes: "{m} min",
  hours_minutes: "{h} h {m} min",
  less_than_a_minute: "< 1 min",
  // today
  today: "Today",
  sitting_today: "Sitting",
  longest_stretch: "Longest stretch",
  standing_today: "Standing",
  breaks: "Breaks",
  compliance: "Breaks taken when due",
  breaks_taken: "taken",
  breaks_skipped: "skipped",
  breaks_missed: "missed",
  // buttons
  take_break: "Break done",
  take_break_label: "Break done: count a break now",
  snooze: "Snooze",
  snooze_label: "Snooze the break",
  stretch: "Stretch",
  stretch_label: "Start the stretching routine",
  strengthen: "Strengthen",
  strengthen_label: "Start the strengthening routine",
  // routine
  routine_paused: "Paused",
  step_of: "Step {index} of {total}",
  set_of: "Set {set} of {sets}",
  reps: "{reps} reps",
  hold: "Hold",
  rest: "Rest",
  listen: "Listen…",
  listen_label: "Listen to the instructions",
  side_1: "Left side",
  side_2: "Right side",
  time_left: "{time} left",
  pause: "Pause",
  pause_label: "Pause the routine",
  resume: "Resume",
  resume_label: "Resume the routine",
  next: "Next",
  next_label: "Next step",
  stop: "Stop",
  stop_label: "Stop the routine",
  hurts: "That hurts",
  hurts_label: "That hurts: stop the routine now",
  // after "that hurts"
  advice_title: "Routine stopped",
  dismiss_label: "Hide this advice",
  // week
  week: "Sitting, last 7 days",
  week_standing: "Sitting and standing, last 7 days",
  week_empty: "No history yet.",
  week_today_only: "Earlier days appear here once they are recorded.",
  legend_sitting: "Sitting",
  legend_standing: "Standing",
  day_value: "{day}: {value}",
  day_value_standing: "{day}: {value} sitting, {standing} standing",
  // editor
  editor_desk: "Desk",
  editor_show_ring: "Ring and next break",
  editor_show_today: "Today's totals",
  editor_show_buttons: "Buttons",
  editor_show_routine: "Running routine",
  editor_show_week: "Last 7 days",
};

export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;

const de: Strings = {
  card_name: "Desk Coach",
  card_description: "Sitzzeit, nächste Pause und Übungen eines Desk-Coach-Schreibtischs.",
  no_desk: "Wähle im Editor der Karte einen Schreibtisch.",
  desk_not_found: "Diesen Schreibtisch gibt es nicht mehr. Wähle im Editor einen anderen.",
  status_sitting: "Sitzt",
  status_due: "Pause fällig",
  status_snoozed: "Verschoben",
  status_standing: "Steht",
  status_away: "Weg",
  status_quiet: "Ruhezeit",
  status_routine: "Übungen laufen",
  status_unknown: "Unbekannt",
  next_break_in: "Nächste Pause in {time}",
  break_due_now: "Zeit für eine Pause",
  ring_label: "{done} % der Zeit bis zur nächsten Pause",
  sitting_for: "Sitzt seit {time}",
  minutes: "{m} min",
  hours_minutes: "{h} h {m} min",
  less_than_a_minute: "< 1 min",
  today: "Heute",
  sitting_today: "Sitzzeit",
  longest_stretch: "Längste Sitzphase",
  standing_today: "Stehzeit",
  breaks: "Pausen",
  compliance: "Fällige Pausen gemacht",
  breaks_taken: "gemacht",
  breaks_skipped: "übersprungen",
  breaks_missed: "verpasst",
  take_break: "Pause gemacht",
  take_break_label: "Pause gemacht: jetzt eine Pause zählen",
  snooze: "Verschieben",
  snooze_label: "Die Pause verschieben",
  stretch: "Dehnen",
  stretch_label: "Dehnen: das Dehnprogramm starten",
  strengthen: "Kräftigen",
  strengthen_label: "Kräftigen: das Kräftigungsprogramm starten",
  routine_paused: "Pausiert",
  step_of: "Schritt {index} von {total}",
  set_of: "Satz {set} von {sets}",
  reps: "{reps} Wiederholungen",
  hold: "Halten",
  rest: "Pause",
  listen: "Zuhören…",
  listen_label: "Hör dir die Anleitung an",
  side_1: "Linke Seite",
  side_2: "Rechte Seite",
  time_left: "noch {time}",
  pause: "Pausieren",
  pause_label: "Die Übungen pausieren",
  resume: "Weiter",
  resume_label: "Weiter: die Übungen fortsetzen",
  next: "Nächster",
  next_label: "Nächster Schritt",
  stop: "Beenden",
  stop_label: "Die Übungen beenden",
  hurts: "Das tut weh",
  hurts_label: "Das tut weh: die Übungen sofort beenden",
  advice_title: "Übungen beendet",
  dismiss_label: "Diesen Hinweis ausblenden",
  week: "Sitzzeit, letzte 7 Tage",
  week_standing: "Sitzen und Stehen, letzte 7 Tage",
  week_empty: "Noch keine Daten.",
  week_today_only: "Frühere Tage erscheinen hier, sobald sie aufgezeichnet sind.",
  legend_sitting: "Sitzen",
  legend_standing: "Stehen",
  day_value: "{day}: {value}",
  day_value_standing: "{day}: {value} gesessen, {standing} gestanden",
  editor_desk: "Schreibtisch",
  editor_show_ring: "Ring und nächste Pause",
  editor_show_today: "Heutige Summen",
  editor_show_buttons: "Knöpfe",
  editor_show_routine: "Laufende Übungen",
  editor_show_week: "Letzte 7 Tage",
};

const TABLES: Record<string, Strings> = { en, de };

/** The user's language as Home Assistant knows it ("de-CH" → "de"). */
export function languageOf(hass: HomeAssistant | undefined): string {
  return hass?.locale?.language ?? hass?.language ?? "en";
}

export type Localize = (key: StringKey, values?: Record<string, string | number>) => string;

/** A function giving the card's texts in `language`, English where we have none. */
export function localizer(language: string): Localize {
  const table = TABLES[language.toLowerCase().split("-")[0] ?? "en"] ?? en;
  return (key, values = {}) =>
    (table[key] ?? en[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
}
