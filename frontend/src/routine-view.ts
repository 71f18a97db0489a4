// The routine's parts of the card: the running step with its picture, the pain check
// before a strength session, a routine's preview, and the strength programme's level and
// the rating of its last session. The card passes its texts, buttons and actions.
import { html, nothing, type TemplateResult } from "lit";

import type { Localize, StringKey } from "./strings";
import type { Picture, PreviewView, RoutineView } from "./view";

export interface ButtonOptions {
  disabled?: boolean;
  danger?: boolean;
  /** The screen readers' label, when not the label's own `<label>_label`. */
  ariaLabel?: StringKey;
}

/** What these parts need from the card. */
export interface Controls {
  t: Localize;
  button(
    action: string,
    icon: string,
    label: StringKey,
    run: () => unknown,
    options?: ButtonOptions,
  ): TemplateResult;
  call(service: string, data?: Record<string, unknown>): unknown;
}

export const EFFORTS = ["easy", "fine", "hard"] as const;
const EFFORT_ICONS: Record<(typeof EFFORTS)[number], string> = {
  easy: "mdi:feather",
  fine: "mdi:thumb-up-outline",
  hard: "mdi:weight",
};

function picture(shown: Picture, className: string): TemplateResult {
  return html`<img class=${className} src=${shown.src} alt=${shown.alt} />`;
}

export function renderRoutine(routine: RoutineView, ui: Controls): TemplateResult {
  const { t } = ui;
  return html`<section class="routine ${routine.paused ? "paused" : ""}">
    <div class="routine-head">
      <span class="routine-name">${routine.routineName}</span>
      <span>${routine.paused ? t("routine_paused") : routine.progress}</span>
    </div>
    <div class="cue-row">
      ${routine.picture ? picture(routine.picture, "picture") : nothing}
      <div class="cue">
        <div class="exercise">${routine.exerciseName}</div>
        <div class="secondary">${[routine.side, routine.set].filter(Boolean).join(" · ")}</div>
        <div class="task">
          <span class="task-name">${routine.task}</span>
          ${
            routine.listening
              ? html`<span class="listen" aria-label=${t("listen_label")}>${t("listen")}</span>`
              : nothing
          }
          ${
            routine.countdown
              ? html`<span
                  class="countdown"
                  role="timer"
                  aria-label=${t("time_left", {
                    time: routine.countdown,
                  })}
                  >${routine.countdown}</span
                >`
              : nothing
          }
        </div>
        ${
          routine.cues.length && !routine.rest
            ? html`<ul class="cues">
                ${routine.cues.map((cue) => html`<li>${cue}</li>`)}
              </ul>`
            : nothing
        }
      </div>
    </div>
    ${routine.felt ? html`<div class="felt">${routine.felt}</div>` : nothing}
    ${routine.safety ? html`<div class="safety">${routine.safety}</div>` : nothing}
    <div class="buttons">
      ${
        routine.paused
          ? ui.button("resume_routine", "mdi:play", "resume", () => ui.call("resume_routine"))
          : ui.button("pause_routine", "mdi:pause", "pause", () => ui.call("pause_routine"))
      }
      ${ui.button("next_step", "mdi:skip-next", "next", () => ui.call("next_step"))}
      ${ui.button("stop_routine", "mdi:stop", "stop", () => ui.call("stop_routine"))}
      ${ui.button(
        "pain",
        "mdi:hand-back-left-outline",
        "hurts",
        () => ui.call("stop_routine", { reason: "pain" }),
        { danger: true },
      )}
    </div>
  </section>`;
}

/** A strength session asking about pain on a satellite before it starts. */
export function renderChecking(routineName: string, ui: Controls): TemplateResult {
  return html`<section class="routine checking">
    <div class="routine-head">
      <span class="routine-name">${routineName}</span>
    </div>
    <div class="checking-text" role="status">${ui.t("checking")}</div>
    <div class="buttons">
      ${ui.button("stop_routine", "mdi:stop", "stop", () => ui.call("stop_routine"))}
    </div>
  </section>`;
}

/** A routine's exercises before it starts, with Start and Cancel. */
export function renderPreview(
  preview: PreviewView,
  ui: Controls,
  close: () => void,
): TemplateResult {
  const { t } = ui;
  const start = (): unknown => {
    close();
    return ui.call("start_routine", { routine: preview.routine });
  };
  return html`<section class="preview">
    <h3 class="preview-name">${preview.name}</h3>
    <ol class="preview-list" aria-label=${t("preview_exercises")}>
      ${preview.exercises.map(
        (exercise) =>
          html`<li>
            ${
              exercise.picture
                ? picture(exercise.picture, "thumb")
                : html`<span class="thumb" aria-hidden="true"></span>`
            }
            <div>
              <div class="exercise-name">${exercise.name}</div>
              <div class="dose">${exercise.dose}</div>
            </div>
          </li>`,
      )}
    </ol>
    <div class="buttons">
      ${ui.button("start_preview", "mdi:play", "start", start)}
      ${ui.button("cancel_preview", "mdi:close", "cancel", close)}
    </div>
  </section>`;
}

/** The strength level in a line, and "How hard was it?" after a session not yet rated. */
export function renderProgramme(
  level: string | undefined,
  rating: { name: string } | undefined,
  ui: Controls,
): TemplateResult {
  const { t } = ui;
  return html`<section class="programme">
    ${level ? html`<div class="level">${level}</div>` : nothing}
    ${
      rating
        ? html`<div class="rating" role="group" aria-label=${t("rate_question")}>
            <div class="rate-question">
              ${t("rate_question")}
              ${rating.name ? html`<span class="rated">${rating.name}</span>` : nothing}
            </div>
            <div class="buttons">
              ${EFFORTS.map((effort) =>
                ui.button(`rate_${effort}`, EFFORT_ICONS[effort], `rate_${effort}`, () =>
                  ui.call("rate_session", { effort }),
                ),
              )}
            </div>
          </div>`
        : nothing
    }
  </section>`;
}
