"""urgent: Urgent Actions from alert to appeal.

>>> import urgent
>>> record = urgent.extract("ua.txt")          # a path, bytes, or a read Document
>>> record.deadline, [t.name for t in record.targets]
"""

from urgent.errors import ReadError, UrgentError
from urgent.extract import Options, extract
from urgent.record import Record

__version__ = "0.1.0"
__all__ = ["Options", "ReadError", "Record", "UrgentError", "extract"]
