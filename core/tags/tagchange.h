#pragma once

#include "quality.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace vigil
{

// A tag's new live state after scaling and deadband: what changed subscribers receive.
struct TagChange {
    quint32 tag = 0;
    Quality quality = Quality::Good;
    double value = 0.0;    // engineering units (bool: 0 or 1)
    qint64 sourceTime = 0; // from the device, or the server time if the device gave none
    qint64 serverTime = 0; // when Vigil accepted the value
    QString text;          // string tags only
};

// The changes produced by one batch (or accumulated for the UI), implicitly shared.
using ChangeSet = QList<TagChange>;

} // namespace vigil

Q_DECLARE_METATYPE(vigil::ChangeSet)
