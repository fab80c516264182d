#pragma once

#include "modbuscodec.h"
#include "modbusplanner.h"

#include <QString>

namespace vigil
{

class ConfigReader;

// The settings of one Modbus device (one TCP connection or one serial port). Read and checked
// from the device table by the factory at load, and read again by the driver.
struct ModbusSettings {
    enum class Transport : quint8 {
        Tcp,
        Rtu,
    };

    Transport transport = Transport::Tcp;
    // TCP
    QString host;
    int port = 502;
    bool tcpNoDelay = true;
    // RTU (one device per serial port; the unit id of each tag selects the slave on the bus)
    QString serial;
    int baud = 19200;
    char parity = 'E'; // 'N', 'E', 'O'
    int dataBits = 8;
    int stopBits = 1;
    // Both
    int unit = 1; // default unit id of the device's tags
    qint64 responseTimeoutMs = 1000;
    qint64 byteTimeoutMs = 0; // 0: no inter-byte limit (TCP default)
    int retries = 2;          // extra tries after a timeout or a broken frame
    qint64 interFrameDelayMs = 0;
    qint64 scanMs = 1000; // default scan class
    int maxGap = 16;      // registers bridged inside one read
    int maxBitGap = 256;  // coils / discrete inputs bridged inside one read
    bool readUnmapped = true;
    int maxRegisters = 125;
    int maxBits = 2000;
    ByteOrder order = ByteOrder::ABCD;
    bool singleWrite = true; // FC5/FC6 for one coil/register; false: always FC15/FC16
    qint64 reconnectMinMs = 500;
    qint64 reconnectMaxMs = 30'000;

    bool isRtu() const { return transport == Transport::Rtu; }
    // "tcp 10.0.0.5:502" or "rtu /dev/ttyUSB0 19200 8E1" for messages.
    QString endpoint() const;

    // The poll planner's limits these settings give.
    ModbusPlanner::Limits plannerLimits() const
    {
        ModbusPlanner::Limits limits;
        limits.maxRegisters = maxRegisters;
        limits.maxBits = maxBits;
        limits.maxGap = maxGap;
        limits.maxBitGap = maxBitGap;
        limits.readUnmapped = readUnmapped;
        return limits;
    }

    // Reads (and validates) the driver's keys of a device table.
    static ModbusSettings read(ConfigReader &device);
};

} // namespace vigil
