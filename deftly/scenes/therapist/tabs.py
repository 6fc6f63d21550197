"""The therapist area's tabs, in the order they are shown."""

from deftly.scenes.therapist.days_tab import DaysTab
from deftly.scenes.therapist.export_tab import ExportTab
from deftly.scenes.therapist.levels_tab import LevelsTab
from deftly.scenes.therapist.programme_tab import ProgrammeTab
from deftly.scenes.therapist.rounds_tab import RoundsTab
from deftly.scenes.therapist.trends_tab import TrendsTab

TABS = (TrendsTab, DaysTab, LevelsTab, RoundsTab, ProgrammeTab, ExportTab)
