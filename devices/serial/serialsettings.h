#pragma once

#include "serialframer.h"

#include <QSerialPort>
#include <QString>

namespace vigil
{

class ConfigReader;

// The settings of one serial device (the [[devices]] table, driver = "serial"):
//   port = "/dev/ttyUSB0"   baud = 9600   data_bits = 8   parity = "none"   stop_bits = 1
//   flow_control = "none"|"hardware"|"software"
//   framing = "terminator" (terminator = "lf"|"cr"|"crlf"|"0x03"|"…", default "lf")
//           | "fixed" (frame_length = N) | "markers" (start_marker = "\u0002", end_marker =
//           "\u0003")
//   max_frame = 512  frame_timeout = "500ms"   (longer frames are discarded; an incomplete frame
//                                               followed by silence is discarded as partial)
//   request = "P\r\n"  period = "1s"  response_timeout = "1s"  response_frames = 1  retries = 2
//                      (polled mode: the request is sent every period)
//   silence_timeout = "5s"   (continuous mode: no frame for that long turns the tags bad)
//   reopen_interval = "2s"   (how often a lost or missing port is tried again)
struct SerialSettings {
    QString port;
    qint32 baud = 9600;
    QSerialPort::DataBits dataBits = QSerialPort::Data8;
    QSerialPort::Parity parity = QSerialPort::NoParity;
    QSerialPort::StopBits stopBits = QSerialPort::OneStop;
    QSerialPort::FlowControl flowControl = QSerialPort::NoFlowControl;
    SerialFramer::Settings framing;
    qint64 frameTimeoutMs = 500;

    QByteArray request; // empty: continuous mode
    qint64 periodMs = 1000;
    qint64 responseTimeoutMs = 1000;
    int responseFrames = 1;
    int retries = 2;
    qint64 silenceTimeoutMs = 0; // 0: off

    qint64 reopenIntervalMs = 2000;

    bool polled() const { return !request.isEmpty(); }

    // Reads and checks the device table; every problem is reported through the reader.
    static SerialSettings read(ConfigReader &device);
};

} // namespace vigil
