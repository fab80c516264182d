#pragma once

#include "config/plantloader.h"
#include "rendererchoice.h"

#include <QString>

#include <optional>

class QApplication;
class QTextStream;

namespace vigil
{

class CommandLine;
class DriverRegistry;
class InstanceLock;

// The chores of a vigil process before any service exists: who it is, where its log lines go,
// which plant file and language it runs with, what the command line asks for. main.cpp, the
// composition root, calls them as its first steps.

// Application name and version; every log line passes UrlRedaction (no password of a database
// or broker URL in any message).
void setApplicationIdentity();
// The exit code when the command line asks for no run (help, version, a mistake).
std::optional<int> readCommandLine(CommandLine &cli, int argc, char *argv[], QTextStream &out,
                                   QTextStream &err);
// The plant file: the one given (--config, VIGIL_CONFIG), else /etc/vigil/plant.toml, else the
// installed demo plant; empty when there is none.
QString findPlantFile(const QString &given);
// Vigil's and Qt's translations for `language` (empty: the system's). False only when an
// explicitly asked language has no translation.
bool loadTranslations(QApplication &app, const QString &language);

// The Qt Quick scene graph backend, chosen and set before any window exists (RendererChoice),
// probing OpenGL only when neither --renderer nor QT_QUICK_BACKEND chose; logged.
RendererChoice chooseRenderer(const CommandLine &cli);
// Headless commands run beside a running HMI: they only read (plant files, history), or write
// journal.db in transactions of their own (users, audit rows). The exit code when the command
// line asked for one, nothing when the HMI is to run.
std::optional<int> runHeadlessCommand(const CommandLine &cli, const DriverRegistry &drivers,
                                      int argc, char *argv[], QTextStream &out, QTextStream &err);
// The plant to run, or the exit code when there is none.
std::optional<int> loadPlant(const CommandLine &cli, const DriverRegistry &drivers,
                             QTextStream &err, PlantLoader::Result &loaded);
// The data directory, private to Vigil's user and held by this process alone.
bool claimDataDirectory(const PlantConfig &plant, InstanceLock &lock, QTextStream &err);

} // namespace vigil
