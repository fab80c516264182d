#pragma once

#include <QString>
#include <QStringList>

namespace vigil
{

// Why a tag cannot be commanded now, for faceplates: shown before the operator selects.
struct CommandPermissives {
    bool writable = false;
    bool critical = false;
    bool deviceOk = true; // false while the tag's quality says comm loss / not connected
    QString deviceReason; // "unit1: not connected"
    QStringList blocking; // interlocks blocking now, each "LT101 < 10 % (dry-run protection)"
    QString feedbackTag;  // tag id of the read-back (itself when none configured)
};

} // namespace vigil
