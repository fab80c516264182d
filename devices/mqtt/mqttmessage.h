#pragma once

#include <QByteArrayView>

namespace vigil
{

// A received message as MqttClient hands it out: views into the library's buffers, valid only
// during the messageReceived() call (which is why that signal takes direct connections only).
struct MqttMessage {
    QByteArrayView topic;
    QByteArrayView payload;
    int qos = 0;
    bool retained = false;
};

} // namespace vigil
