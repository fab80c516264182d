#!/usr/bin/python3
"""A pymodbus 3.0 server for Vigil's integration tests (a Modbus implementation nobody here wrote).

  pymodbus_server.py --tcp PORT | --rtu DEVICE  [--units 1,2] [--set UNIT:AREA:ADDR=V1,V2,...]...

Every unit gets 2000 coils, discrete inputs, input and holding registers, all 0, except what
--set gives (AREA: co, di, ir, hr; values are decimal or 0x hex). Units not listed get no answer
(a dead slave). Prints "READY" on stdout once it serves, for TCP "READY PORT" with the port it
listens on: --tcp 0 lets the kernel choose a free one, so no other process can take the port
between choosing it and listening on it. Stops on SIGTERM.
"""
import argparse
import asyncio
import logging
import signal
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.framer.rtu_framer import ModbusRtuFramer
from pymodbus.framer.socket_framer import ModbusSocketFramer
from pymodbus.server.async_io import ModbusSerialServer, ModbusTcpServer

SIZE = 2000


def build_context(units, settings):
    slaves = {}
    for unit in units:
        # ModbusSlaveContext adds 1 to addresses (zero_mode False): start blocks at 1 so that
        # protocol address 0 is the first value.
        tables = {area: [0] * SIZE for area in ("co", "di", "ir", "hr")}
        for item in settings:
            where, values = item.split("=", 1)
            u, area, addr = where.split(":")
            if int(u) != unit:
                continue
            for i, v in enumerate(values.split(",")):
                tables[area][int(addr) + i] = int(v, 0)
        slaves[unit] = ModbusSlaveContext(
            co=ModbusSequentialDataBlock(1, tables["co"]),
            di=ModbusSequentialDataBlock(1, tables["di"]),
            ir=ModbusSequentialDataBlock(1, tables["ir"]),
            hr=ModbusSequentialDataBlock(1, tables["hr"]),
        )
    return ModbusServerContext(slaves=slaves, single=False)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tcp", type=int)
    parser.add_argument("--rtu")
    parser.add_argument("--units", default="1")
    parser.add_argument("--set", action="append", default=[])
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    units = [int(u) for u in args.units.split(",")]
    context = build_context(units, args.set)
    if args.tcp is not None:
        server = ModbusTcpServer(context, ModbusSocketFramer, address=("127.0.0.1", args.tcp),
                                 allow_reuse_address=True, ignore_missing_slaves=True)
        task = asyncio.create_task(server.serve_forever())
        await server.serving
        port = server.server.sockets[0].getsockname()[1]
        ready = f"READY {port}"
    else:
        server = ModbusSerialServer(context, ModbusRtuFramer, port=args.rtu, baudrate=19200,
                                    parity="N", ignore_missing_slaves=True)
        await server.start()
        task = asyncio.create_task(server.serve_forever())
        ready = "READY"
    print(ready, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    await stop.wait()
    task.cancel()
    await server.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
