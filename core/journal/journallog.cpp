#include "journallog.h"

Q_LOGGING_CATEGORY(lcJournal, "vigil.journal")
