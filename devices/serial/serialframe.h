#pragma once

#include "nmeasentence.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace vigil
{

// One received frame as the parse rules see it: its bytes, the same as text (one character per
// byte), and the NMEA sentence when the device has NMEA rules and the frame is one.
struct SerialFrame {
    QByteArray bytes;
    QString text;
    std::optional<NmeaSentence> nmea;
};

} // namespace vigil
