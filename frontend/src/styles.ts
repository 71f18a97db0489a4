// The card's look: Home Assistant's theme variables only, so light, dark and custom themes
// all apply; fits a 360 px wide phone.
import { css } from "lit";

export const cardStyles = css`
  :host {
    display: block;
  }
  ha-card {
    padding: 16px;
    box-sizing: border-box;
    height: 100%;
    color: var(--primary-text-color);
    background: var(--ha-card-background, var(--card-background-color));
  }
  h2 {
    margin: 0 0 12px;
    font-size: 1.25em;
    font-weight: 500;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 6px;
    font-size: 0.9em;
    font-weight: 500;
    color: var(--secondary-text-color);
  }
  section + section {
    margin-top: 16px;
    padding-top: 12px;
    border-top: 1px solid var(--divider-color);
  }
  .message {
    color: var(--secondary-text-color);
  }

  /* ring */
  .ring-row {
    display: flex;
    align-items: center;
    gap: 16px;
  }
  .ring {
    position: relative;
    flex: 0 0 96px;
    width: 96px;
    height: 96px;
  }
  .ring svg {
    width: 100%;
    height: 100%;
  }
  .ring circle {
    fill: none;
    stroke-width: 9;
  }
  .ring .track {
    stroke: var(--divider-color);
  }
  .ring .fill {
    stroke: var(--primary-color);
    stroke-linecap: round;
    transition: stroke-dasharray 0.5s ease;
  }
  .ring.due .fill {
    stroke: var(--error-color);
  }
  .ring.idle .fill {
    stroke: var(--secondary-text-color);
  }
  .ring .center {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    text-align: center;
    font-size: 1.05em;
    font-weight: 500;
    padding: 0 18px;
  }
  .headline {
    font-size: 1.15em;
    font-weight: 500;
  }
  .due .headline,
  .headline.due {
    color: var(--error-color);
  }
  .secondary,
  .stretch {
    color: var(--secondary-text-color);
    margin-top: 2px;
  }

  /* today */
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 12px;
    margin: 0;
  }
  dt {
    color: var(--secondary-text-color);
  }
  dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .breaks {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 8px;
    margin: 10px 0;
    text-align: center;
  }
  .counter .number {
    display: block;
    font-size: 1.4em;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
  }
  .counter .what {
    color: var(--secondary-text-color);
    font-size: 0.85em;
  }

  /* buttons: two by two on a phone, one row when there is room */
  .pause-row {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 8px;
  }
  .pause-row .paused {
    flex: 1;
    color: var(--secondary-text-color);
  }
  .buttons {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(130px, 1fr));
    gap: 8px;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 40px;
    padding: 6px 12px;
    border: 1px solid var(--divider-color);
    border-radius: 20px;
    background: none;
    color: var(--primary-color);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
  }
  button:hover:not([disabled]) {
    border-color: var(--primary-color);
  }
  button:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
  button[disabled] {
    color: var(--disabled-text-color, var(--secondary-text-color));
    cursor: default;
    opacity: 0.6;
  }
  button.danger {
    color: var(--error-color);
  }
  button.danger:hover:not([disabled]) {
    border-color: var(--error-color);
  }
  ha-icon {
    --mdc-icon-size: 20px;
  }

  /* routine */
  .routine-head {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    color: var(--secondary-text-color);
  }
  .exercise {
    margin: 6px 0 2px;
    font-size: 1.15em;
    font-weight: 500;
  }
  .task {
    display: flex;
    align-items: baseline;
    gap: 12px;
    margin: 6px 0;
  }
  .countdown {
    font-size: 1.8em;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
    color: var(--primary-color);
  }
  .paused .countdown {
    color: var(--secondary-text-color);
  }
  ul {
    margin: 4px 0 8px;
    padding-inline-start: 20px;
  }
  li {
    margin: 2px 0;
  }
  .safety {
    color: var(--secondary-text-color);
    font-size: 0.9em;
    margin-bottom: 8px;
  }
  .listen {
    font-size: 1.2em;
    font-style: italic;
    color: var(--secondary-text-color);
  }
  /* the exercise's picture beside the cue, above it on a phone; never cropped */
  .cue-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0 16px;
  }
  .cue-row .picture {
    flex: 0 1 240px;
    width: 100%;
    max-width: 240px;
    height: auto;
    aspect-ratio: 2 / 1;
    object-fit: contain;
    margin-top: 8px;
  }
  .cue {
    flex: 1 1 180px;
    min-width: 0;
  }
  .felt {
    margin-bottom: 4px;
  }
  .checking-text {
    margin: 6px 0 10px;
    font-size: 1.05em;
  }

  /* a routine's preview */
  .preview-name {
    color: var(--primary-text-color);
    font-size: 1em;
  }
  .preview-list {
    list-style: none;
    margin: 0 0 10px;
    padding: 0;
  }
  .preview-list li {
    display: grid;
    grid-template-columns: 96px minmax(0, 1fr);
    align-items: center;
    gap: 12px;
    margin: 6px 0;
  }
  .thumb {
    display: block;
    width: 96px;
    height: 48px;
    object-fit: contain;
  }
  .dose {
    color: var(--secondary-text-color);
    font-variant-numeric: tabular-nums;
  }

  /* the strength programme */
  .level {
    color: var(--secondary-text-color);
  }
  .level + .rating {
    margin-top: 12px;
  }
  .rate-question {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 8px;
    margin-bottom: 8px;
    font-weight: 500;
  }
  .rated {
    font-weight: normal;
    color: var(--secondary-text-color);
  }
  .rating .buttons {
    grid-template-columns: repeat(auto-fit, minmax(84px, 1fr));
  }

  /* the advice after "that hurts" */
  .advice {
    border-inline-start: 4px solid var(--error-color);
    padding-inline-start: 12px;
  }
  .advice-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .advice-title {
    font-weight: 500;
    color: var(--error-color);
  }
  .advice-text {
    margin-top: 4px;
  }
  button.dismiss {
    min-width: 40px;
    padding: 4px 8px;
    color: var(--secondary-text-color);
  }

  /* week */
  .bars {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: 4px;
    align-items: end;
  }
  .day {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 2px;
    min-width: 0;
  }
  .day .value {
    font-size: 0.7em;
    color: var(--secondary-text-color);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .day .track {
    width: 100%;
    max-width: 28px;
    height: 64px;
    display: flex;
    align-items: flex-end;
    gap: 2px;
  }
  .day .bar {
    flex: 1 1 0;
    min-height: 2px;
    border-radius: 4px 4px 0 0;
    background: var(--primary-color);
    opacity: 0.55;
  }
  .day .bar.standing,
  .legend i.standing {
    background: var(--secondary-text-color);
  }
  .day.today .bar {
    opacity: 1;
  }
  .legend {
    display: flex;
    gap: 16px;
    margin-top: 6px;
    font-size: 0.8em;
    color: var(--secondary-text-color);
  }
  .legend i {
    display: inline-block;
    width: 10px;
    height: 10px;
    margin-inline-end: 4px;
    border-radius: 2px;
    background: var(--primary-color);
  }
  .day .label {
    font-size: 0.8em;
    color: var(--secondary-text-color);
  }
  .day.today .label {
    color: var(--primary-text-color);
    font-weight: 500;
  }
  .note {
    margin-top: 6px;
    font-size: 0.85em;
    color: var(--secondary-text-color);
  }
`;
