"""Constants of Desk Coach."""

from __future__ import annotations

from typing import Final

DOMAIN: Final = "desk_coach"

# config entry data (what the desk is made of)
CONF_PRESENCE_ENTITY: Final = "presence_entity"
CONF_PRESENCE_THRESHOLD: Final = "presence_threshold"
CONF_EXTRA_PRESENCE_ENTITIES: Final = "extra_presence_entities"
CONF_AREA: Final = "area"
CONF_STANDING_ENTITY: Final = "standing_entity"
CONF_STANDING_HEIGHT: Final = "standing_height"

# options (how the coach behaves)
CONF_BREAK_INTERVAL: Final = "break_interval"  # minutes
CONF_BREAK_DURATION: Final = "break_duration"  # seconds
CONF_AWAY_RESET: Final = "away_reset"  # minutes
CONF_PRESENCE_DEBOUNCE: Final = "presence_debounce"  # seconds

DEFAULT_NAME: Final = "Desk"
DEFAULT_BREAK_INTERVAL: Final = 30
DEFAULT_BREAK_DURATION: Final = 30
DEFAULT_AWAY_RESET: Final = 2
DEFAULT_PRESENCE_DEBOUNCE: Final = 30

MIN_BREAK_INTERVAL: Final = 1
MAX_BREAK_INTERVAL: Final = 240
MIN_BREAK_DURATION: Final = 10
MAX_BREAK_DURATION: Final = 900
MIN_AWAY_RESET: Final = 1
MAX_AWAY_RESET: Final = 120
MIN_PRESENCE_DEBOUNCE: Final = 0
MAX_PRESENCE_DEBOUNCE: Final = 300

PRESENCE_DOMAINS: Final = ("binary_sensor", "input_boolean", "switch", "sensor")
STANDING_DOMAINS: Final = ("binary_sensor", "sensor", "cover", "number", "input_number")
ON_OFF_DOMAINS: Final = ("binary_sensor", "input_boolean", "switch")

# options: breaks
CONF_ESCALATION_DELAY: Final = "escalation_delay"  # minutes
CONF_ESCALATION_COUNT: Final = "escalation_count"
CONF_SNOOZE_MINUTES: Final = "snooze_minutes"
DEFAULT_ESCALATION_DELAY: Final = 5
DEFAULT_ESCALATION_COUNT: Final = 2
DEFAULT_SNOOZE_MINUTES: Final = 5
MIN_SNOOZE_MINUTES: Final = 1
MAX_SNOOZE_MINUTES: Final = 120
PAUSE_HOURS_RANGE: Final = (0.5, 24.0)  # desk_coach.pause_reminders' hours

# options: the day's sitting and the compliance streak
CONF_DAILY_SITTING_LIMIT: Final = "daily_sitting_limit"  # hours; 0: no limit
# options: what proves a break (options_proof.py, grading.py)
CONF_STEP_ENTITY: Final = "step_entity"  # the person's step count
CONF_WALKED_STEPS: Final = "walked_steps"  # steps within a break that prove walking
DEFAULT_WALKED_STEPS: Final = 100
CONF_MOVED_SECONDS: Final = "moved_seconds"  # away this long proves moving; none: the break
CONF_COUNT_UNPROVEN: Final = "count_unproven"  # unproven breaks count in compliance too
# options: two phases (a gentle cue first, spoken at a natural pause)
CONF_TWO_PHASE: Final = "two_phase"
CONF_PAUSE_ENTITIES: Final = "natural_pause_entities"  # going idle is a natural pause
CONF_SPEAK_WITHIN: Final = "speak_within"  # minutes after the cue it is spoken at the latest
DEFAULT_SPEAK_WITHIN: Final = 10
CONF_ADAPT_INTERVAL: Final = "adapt_interval"  # the interval adapts to the fortnight (adaptive.py)
CONF_STREAK_TARGET: Final = "streak_target"  # percent compliance a day needs for the streak
DEFAULT_DAILY_SITTING_LIMIT: Final = 8  # the Canadian 24-hour movement guideline
DEFAULT_STREAK_TARGET: Final = 80
MAX_DAILY_SITTING_LIMIT: Final = 16

# options: where and how breaks are announced
CONF_MEDIA_PLAYERS: Final = "media_players"
CONF_TTS_ENGINE: Final = "tts_engine"  # a tts.* entity or a legacy provider; unset: the default
CONF_VOLUME: Final = "volume"  # percent; unset: leave the volume alone
CONF_SATELLITES: Final = "assist_satellites"
CONF_NOTIFY_ENTITIES: Final = "notify_entities"
CONF_MOBILE_APPS: Final = "mobile_app_services"  # notify.mobile_app_* services: actionable
CONF_LIGHTS: Final = "lights"
CONF_LIGHT_COLOR: Final = "light_color"  # [r, g, b]
CONF_LIGHT_EFFECT: Final = "light_effect"  # "pulse" or "flash"
CONF_LIGHT_SECONDS: Final = "light_seconds"
CONF_MESSAGE: Final = "message"  # a template; unset: the translated default
DEFAULT_LIGHT_COLOR: Final = (64, 160, 255)
DEFAULT_LIGHT_EFFECT: Final = "pulse"
DEFAULT_LIGHT_SECONDS: Final = 3

# options: when to stay quiet
CONF_ACTIVE_FROM: Final = "active_from"  # "HH:MM:SS"
CONF_ACTIVE_UNTIL: Final = "active_until"
CONF_ACTIVE_DAYS: Final = "active_days"  # ["mon", ...]
CONF_DND_ENTITIES: Final = "do_not_disturb_entities"  # binary_sensor, input_boolean, calendar
DEFAULT_ACTIVE_FROM: Final = "09:00:00"
DEFAULT_ACTIVE_UNTIL: Final = "17:00:00"
DEFAULT_ACTIVE_DAYS: Final = ("mon", "tue", "wed", "thu", "fri")
WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

EVENT_BREAK: Final = "desk_coach_break"

# options: the user's own routines
# [{"id": slug, "name": str, "items": [{"exercise": id, "sets": n, "reps": n|None, "hold": s|None}]}]
CONF_ROUTINES: Final = "routines"
CONF_VOICE_SENTENCES: Final = "voice_sentences"  # keep Assist's sentence files in the config
CONF_SUMMARY_TARGETS: Final = "weekly_summary_targets"  # notify entities; none: no summary
CONF_SUMMARY_DAY: Final = "weekly_summary_day"  # "mon" .. "sun"
CONF_SUMMARY_TIME: Final = "weekly_summary_time"  # "HH:MM:SS", local
DEFAULT_SUMMARY_DAY: Final = "fri"
DEFAULT_SUMMARY_TIME: Final = "17:00:00"
ROUTINE_SHOULDER_ROTATION: Final = "shoulder_rotation"
ROUTINE_STRETCHING: Final = "stretching"
ROUTINE_STRENGTHENING: Final = "strengthening"
ROUTINE_TWO_MINUTES: Final = "two_minutes"  # the "2 minutes daily" strength routine
BUILT_IN_ROUTINES: Final = (
    ROUTINE_SHOULDER_ROTATION,
    ROUTINE_STRETCHING,
    ROUTINE_STRENGTHENING,
    ROUTINE_TWO_MINUTES,
)

EVENT_ROUTINE: Final = "desk_coach_routine"

# options: a motorised standing desk the break can raise (standing_desk.py, stand.py)
CONF_BREAK_ACTION: Final = "break_action"  # BREAK_ACTION_ANNOUNCE or BREAK_ACTION_RAISE
CONF_DESK_CONTROL: Final = "desk_control"  # a cover, number or input_number moving the desk
CONF_RAISE_TO: Final = "raise_to"  # in the control's own unit: percent for a cover
CONF_LOWER_TO: Final = "lower_to"
CONF_STAND_MINUTES: Final = "stand_minutes"
CONF_LOWER_AFTER: Final = "lower_after"  # lower the desk again after the stand
CONF_RAISE_WARNING: Final = "raise_warning"  # seconds between the warning and the motion
BREAK_ACTION_ANNOUNCE: Final = "announce"
BREAK_ACTION_RAISE: Final = "raise"
DEFAULT_STAND_MINUTES: Final = 5
DEFAULT_RAISE_WARNING: Final = 10
STAND_MINUTES_RANGE: Final = (1, 60)
RAISE_WARNING_RANGE: Final = (5, 60)
DESK_CONTROL_DOMAINS: Final = ("cover", "number", "input_number")
# options: a long stand at the desk (stand_guard.py) and the day's upright time (sensor.py)
CONF_STANDING_CUE_AFTER: Final = "standing_cue_after"  # minutes of unbroken standing
CONF_UPRIGHT_TARGET: Final = "upright_target"  # minutes a day standing or away on breaks
DEFAULT_STANDING_CUE_AFTER: Final = 50
DEFAULT_UPRIGHT_TARGET: Final = 120
STANDING_CUE_AFTER_RANGE: Final = (45, 60)
UPRIGHT_TARGET_RANGE: Final = (30, 480)
