// Helper of tst_historiancrash: records samples of 40 tags every 5 ms into a history database
// until it is killed. Each sample's time is the wall-clock time it was handed to the historian
// (strictly increasing) and its value a function of tag and time, so the test can tell exactly
// what must have survived. After each record() the time is appended to the log file with one
// write(2), which a kill -9 cannot lose.
//   history_crash_writer DATABASE LOGFILE

#include "history/historian.h"
#include "metatypes.h"
#include "util/systemclock.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace vigil;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: history_crash_writer DATABASE LOGFILE\n");
        return 2;
    }
    registerCoreMetaTypes();
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
    constexpr quint32 kTags = 40;
    std::vector<TagDefinition> defs(kTags);
    for (quint32 i = 0; i < kTags; ++i) {
        defs[i].id = QStringLiteral("T%1").arg(i);
        defs[i].type = i % 2 ? DataType::Float64 : DataType::Float32;
    }
    HistorianOptions options;
    options.url = QStringLiteral("sqlite:") + QString::fromLocal8Bit(argv[1]);
    options.config.heartbeatMs = 0;
    SystemClock clock;
    Historian historian(options, std::make_shared<const TagDirectory>(std::move(defs)), clock);
    const int log = ::open(argv[2], O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (log < 0)
        return 2;
    // State changes go to stderr (the test forwards it): a stress failure then tells whether
    // the writer was degraded when it was killed.
    QObject::connect(&historian, &Historian::stateChanged,
                     [&](HistorianState state, const QString &reason) {
                         std::fprintf(stderr, "history_crash_writer: %lld state %d %s\n",
                                      (long long)clock.nowMs(), int(state), qPrintable(reason));
                     });
    historian.start();

    qint64 last = 0;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        if (historian.state() != HistorianState::Recording)
            return;
        if (last == 0) {
            std::printf("recording\n");
            std::fflush(stdout);
        }
        const qint64 t = std::max(clock.nowMs(), last + 1);
        last = t;
        ChangeSet set;
        for (quint32 i = 0; i < kTags; ++i) {
            TagChange c;
            c.tag = i;
            c.sourceTime = t;
            c.value = double(float(double(t % 1'000'000) / 8.0 + i)); // exact in float32
            set.append(c);
        }
        historian.record(set);
        const QByteArray line = QByteArray::number(t) + '\n';
        if (::write(log, line.constData(), size_t(line.size())) != line.size())
            std::abort();
    });
    timer.start(5);
    return app.exec();
}
