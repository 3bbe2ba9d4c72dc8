echo "cli test placeholder"; exit 0
