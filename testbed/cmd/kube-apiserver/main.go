// kube-apiserver for kapi-tui's test bed: the real command from k8s.io/kubernetes, built as a
// dependency (the same code as the released binary; nothing downloaded from elsewhere). The only
// addition: with TESTBED_EXIT_ON_STDIN_EOF=1 it stops (SIGTERM to itself, the normal graceful
// path) when stdin closes, i.e. when the harness that started it dies without cleaning up.
package main

import (
	"io"
	"os"
	"syscall"
	_ "time/tzdata" // for timeZone support in CronJob

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"          // for JSON log format registration
	_ "k8s.io/component-base/metrics/prometheus/clientgo" // load all the prometheus client-go plugins
	_ "k8s.io/component-base/metrics/prometheus/version"  // for version metric registration
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() {
	if os.Getenv("TESTBED_EXIT_ON_STDIN_EOF") == "1" {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			_ = syscall.Kill(os.Getpid(), syscall.SIGTERM)
		}()
	}
	command := app.NewAPIServerCommand()
	code := cli.Run(command)
	os.Exit(code)
}
