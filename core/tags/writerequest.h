#pragma once

#include <QMetaType>
#include <QString>
#include <QVariant>

namespace vigil
{

// A request to write one tag, in engineering units (number, bool or string).
struct WriteRequest {
    quint32 tag = 0;
    QVariant value;
};

// The driver-level outcome of a write: sent and confirmed by the device, or why not.
struct WriteResult {
    quint32 tag = 0;
    bool ok = false;
    QString error; // empty when ok
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::WriteResult)
