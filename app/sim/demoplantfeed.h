#pragma once

#include "config/plantconfig.h"
#include "tags/tagsample.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace vigil::sim
{

// The demo plant's tags as Vigil receives them, in simulated time and without the network:
// vigil-sim's PlantModel is stepped in process every 50 ms (its physics timer) under a two-hour
// operator routine (OperatorRoutine), and every device of the plant is sampled at its own
// periods and decoded by the drivers' own code (one FeedSource per device):
//  - modbus: ModbusFeedSource (the device's poll plan read from vigil-sim's register image);
//  - mqtt: MqttFeedSource (vigil-sim's JSON document routed as the driver does);
//  - serial: ScaleFeedSource (the weigh scale's records framed and decoded as the driver does);
//  - sim: SimFeedSource (SimSignal at the device's period, as the sim driver).
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

    // False and *error (naming the device) if a device's driver has no simulation here.
    static bool canFeed(const PlantConfig &plant, QString *error);

    // The plant must pass canFeed().
    DemoPlantFeed(const PlantConfig &plant, qint64 t0);
    ~DemoPlantFeed();

    // Runs the plant until `end`, handing every device's batches over in time order.
    void run(qint64 end, const Deliver &deliver);

    std::vector<Coverage> coverage() const;

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace vigil::sim
