#pragma once

#include "config/plantconfig.h"
#include "tags/tagsample.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

// The demo plant's tags as Vigil receives them, in simulated time and without the network:
// vigil-sim's PlantModel is stepped in process every 50 ms (its physics timer) under a two-hour
// operator routine (setpoint and speed changes, pump stops, valve closures), and every device of
// the plant is sampled at its own periods and decoded by the drivers' own code:
//  - modbus: the poll plan of the device (ModbusPlanner, per scan class) read from vigil-sim's
//    register image (ModbusImage::refresh) and decoded by ModbusSampler/ModbusCodec;
//  - mqtt: vigil-sim's JSON document (MqttStatePayload::encode, every 500 ms, and the retained
//    "online" status) routed by MqttMessageRouter as the driver does;
//  - serial: the weigh scale (WeighScale, weighing every 100 ms, a record every 250 ms) through
//    SerialFramer and SerialFrameDecoder with the device's framing and the tags' rules;
//  - sim: SimSignal at the device's period, as the sim driver.
// Each delivery carries a little timer and network jitter (0..3 ms).
class DemoPlantFeed
{
public:
    struct Coverage {
        QString device;
        QString driver;
        int tags = 0;        // tags of the device
        int fed = 0;         // tags that received at least one sample
        quint64 samples = 0; // raw samples delivered
        QStringList idle;    // tags without samples (write-only command tags)
    };
    using Deliver = std::function<void(qint64 nowMs, const vigil::SampleBatch &batch)>;

    DemoPlantFeed(const vigil::PlantConfig &plant, qint64 t0);
    ~DemoPlantFeed();

    // Runs the plant until `end`, handing every device's batches over in time order.
    void run(qint64 end, const Deliver &deliver);

    std::vector<Coverage> coverage() const;

private:
    struct State;
    std::unique_ptr<State> d;
};
